'use client'

import { useEffect, useEffectEvent, useRef } from 'react'
import { flushSync } from 'react-dom'

interface Props {
  open: boolean
  onClose: () => void
  labelledBy: string
  children: React.ReactNode
  /** Where focus goes on close instead of back to the opener (e.g. the opener is about to go). */
  focusAfterClose?: string
}

/**
 * The one modal of the app: a native <dialog> opened with showModal(), so the page behind is
 * inert (focus stays inside) and Escape closes it. It opens with the focus on the control marked
 * data-autofocus; on close, focus goes back to whatever had it when the dialog opened.
 *
 * How it learns of a close: from its `open` attribute going, not from the `close` event.
 * Chromium hands focus back to the opener at once but fires `close` with the next animation
 * frame, which comes late on a busy machine; an Enter on the opener in between found the owner
 * still saying "open", changed nothing, and the dialog stayed shut (a CI run, Escape then Enter;
 * a probe page: `close` not yet fired at the next script call after Escape in 10–16 of 30). A
 * mutation observer runs in the microtask after the close, before any next key.
 */
export function ModalDialog({ open, onClose, labelledBy, children, focusAfterClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  const closed = useEffectEvent(() => {
    const target = focusAfterClose ? document.getElementById(focusAfterClose) : opener.current
    opener.current = null
    // The owner's "closed" is rendered before focus moves on, so a quick Enter on the opener is
    // a real change to open.
    flushSync(onClose)
    if (target?.isConnected) target.focus()
  })
  useEffect(() => {
    const d = ref.current
    if (!d) return
    let shown = d.open
    const watch = new MutationObserver(() => {
      if (d.open === shown) return
      shown = d.open
      if (!shown) closed()
    })
    watch.observe(d, { attributes: true, attributeFilter: ['open'] })
    return () => watch.disconnect()
  }, [])
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      d.showModal()
      // Browsers differ on what showModal() focuses; the dialog says which control should start.
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    if (!open && d.open) d.close()
  }, [open])
  return (
    <dialog ref={ref} aria-labelledby={labelledBy} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-6 backdrop:bg-black/40">
      {children}
    </dialog>
  )
}
