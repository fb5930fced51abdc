'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { fetchJson } from '@/components/ui/fetch-json'

const look = 'rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100'

/** What one does with a whole plan: print, export, open its public page, duplicate, delete (asked first). */
export function PlanToolbar({ plan, onDuplicate }: { plan: { id: string; title: string; shared: boolean }; onDuplicate: () => void }) {
  const router = useRouter()
  const [confirming, setConfirming] = useState(false)
  const api = `/api/class-plans/${plan.id}`
  return (
    <div className="flex flex-wrap gap-2 text-sm">
      <Link href={`/admin/plans/${plan.id}/print`} className={look}>Print view</Link>
      <a href={`${api}/export`} download className={look}>Export JSON</a>
      {plan.shared && <Link href={`/plans/${plan.id}`} className={look}>Public page</Link>}
      <button type="button" onClick={onDuplicate} className={look}>Duplicate plan</button>
      <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-red-800">Delete plan</button>
      <ConfirmDialog open={confirming} title={`Delete “${plan.title}”?`} confirmLabel="Delete" cancelLabel="Keep it" busyLabel="Deleting…"
        onClose={() => setConfirming(false)}
        onConfirm={async () => { await fetchJson(api, { method: 'DELETE' }); router.push('/admin/plans'); router.refresh() }}>
        The plan and its notes go; the choreographies in it stay.
      </ConfirmDialog>
    </div>
  )
}
