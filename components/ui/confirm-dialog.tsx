'use client'

import { useId, useState } from 'react'
import { Alert } from './alert'
import { ModalDialog } from './modal-dialog'

interface Props {
  open: boolean
  title: string
  children?: React.ReactNode
  confirmLabel: string
  cancelLabel: string
  /** What the confirm button says while onConfirm runs (both buttons wait meanwhile). */
  busyLabel: string
  /** The action. If it throws, its message is shown here and the dialog stays open. */
  onConfirm: () => Promise<void>
  onClose: () => void
  focusAfterClose?: string
}

/** Asks before something that cannot be undone. Cancel comes first and has the focus, so an
 * unthinking Enter keeps things as they are; Escape cancels too. */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, busyLabel, onConfirm, onClose, focusAfterClose }: Props) {
  const titleId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const close = () => {
    setError(null)
    onClose()
  }
  return (
    <ModalDialog open={open} onClose={close} labelledBy={titleId} focusAfterClose={focusAfterClose}>
      <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
      {children && <div className="mt-2 text-sm text-stone-700">{children}</div>}
      {error && <div className="mt-3"><Alert>{error}</Alert></div>}
      <form method="dialog" className="mt-4 flex flex-wrap gap-2">
        <button data-autofocus disabled={busy} className="rounded-md border border-stone-300 px-3 py-1.5">{cancelLabel}</button>
        <button type="button" onClick={confirm} disabled={busy} className="rounded-md bg-red-700 px-3 py-1.5 text-white disabled:opacity-60">
          {busy ? busyLabel : confirmLabel}
        </button>
      </form>
    </ModalDialog>
  )
}
