'use client'

import { useEffect, useRef } from 'react'
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
 */
export function ModalDialog({ open, onClose, labelledBy, children, focusAfterClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLElement | null>(null)
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
  const closed = () => {
    const target = focusAfterClose ? document.getElementById(focusAfterClose) : opener.current
    opener.current = null
    // The owner's "closed" state is rendered before focus returns: a quick Enter on the opener
    // (Escape, then Enter) is then a real change to open. Batched with the close instead, the
    // state went true → false → true in one render, the effect never re-ran, and the dialog
    // stayed shut.
    flushSync(onClose)
    if (target?.isConnected) target.focus()
  }
  return (
    <dialog ref={ref} onClose={closed} aria-labelledby={labelledBy} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-6 backdrop:bg-black/40">
      {children}
    </dialog>
  )
}
