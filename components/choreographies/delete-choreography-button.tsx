'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { fetchJson } from '@/components/ui/fetch-json'

interface Props {
  id: string
  /** How the dialog names it: the song and the request. */
  label: string
  /** The row (and this button) goes once deleted: focus moves here instead. */
  focusAfterDelete: string
}

/**
 * The dialog's close puts focus on the heading at once, but the refresh that follows re-renders
 * the list and may replace that heading (focus then falls to the page): focus it again once it
 * shows the new count, whichever element it is by then.
 */
function refocusWhenCountChanges(id: string) {
  const before = document.getElementById(id)?.textContent
  const until = performance.now() + 10_000
  const tick = () => {
    const el = document.getElementById(id)
    if (el && el.textContent !== before) {
      if (document.activeElement !== el) el.focus()
      return
    }
    if (performance.now() < until) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

export function DeleteChoreographyButton({ id, label, focusAfterDelete }: Props) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [deleted, setDeleted] = useState(false)
  const remove = async () => {
    await fetchJson(`/api/choreographies/${id}`, { method: 'DELETE' })
    setDeleted(true)
    setOpen(false)
    refocusWhenCountChanges(focusAfterDelete)
    router.refresh()
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={`Delete ${label}`}
        className="shrink-0 self-start rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 sm:self-auto">
        Delete
      </button>
      <ConfirmDialog open={open} title="Delete this choreography?" confirmLabel="Delete" cancelLabel="Keep it" busyLabel="Deleting…"
        onConfirm={remove} onClose={() => setOpen(false)} focusAfterClose={deleted ? focusAfterDelete : undefined}>
        <p className="font-medium">{label}</p>
        <p className="mt-1">Its video, share links and favourite go with it, and it leaves any collection it is in. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  )
}
