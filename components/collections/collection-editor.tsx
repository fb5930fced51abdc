'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { fetchJson } from '@/components/ui/fetch-json'

interface Item { id: string; note: string; choreography: { id: string; request: string; status: string; songTitle: string } | null }
interface Collection { id: string; name: string; description: string; items: Item[] }

/** Rename, delete (confirmed), notes per item, reorder with buttons (keyboard friendly), remove. */
export function CollectionEditor({ initial }: { initial: Collection }) {
  const router = useRouter()
  const [c, setC] = useState(initial)
  const [name, setName] = useState(initial.name)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const base = `/api/collections/${c.id}`

  const run = async (fn: () => Promise<void>) => {
    setError(null)
    try { await fn() } catch (e) { setError((e as Error).message) }
  }
  const rename = (e: React.FormEvent) => { e.preventDefault(); void run(async () => setC((await fetchJson<{ collection: Collection }>(base, { method: 'PATCH', body: { name } })).collection)) }
  const move = (i: number, d: -1 | 1) => run(async () => {
    const ids = c.items.map((x) => x.id)
    const j = i + d
    if (j < 0 || j >= ids.length) return
    ;[ids[i], ids[j]] = [ids[j], ids[i]]
    setC((await fetchJson<{ collection: Collection }>(`${base}/order`, { method: 'PUT', body: { itemIds: ids } })).collection)
  })
  const remove = (itemId: string) => run(async () => {
    await fetchJson(`${base}/items/${itemId}`, { method: 'DELETE' })
    setC((old) => ({ ...old, items: old.items.filter((x) => x.id !== itemId) }))
  })
  const saveNote = (itemId: string, note: string) => run(async () => {
    setC((await fetchJson<{ collection: Collection }>(`${base}/items/${itemId}`, { method: 'PATCH', body: { note } })).collection)
  })
  const destroy = async () => {
    await fetchJson(base, { method: 'DELETE' })
    router.push('/collections')
    router.refresh()
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{c.name}</h1>
        <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800">Delete collection</button>
      </div>
      <form onSubmit={rename} className="flex flex-wrap items-end gap-2" aria-label="Rename collection">
        <label className="text-sm">
          <span className="block font-medium">Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} className="mt-1 rounded-md border border-stone-300 px-3 py-2" />
        </label>
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-2 text-sm">Rename</button>
      </form>
      {c.items.length === 0 ? (
        <p className="text-stone-600">Nothing here yet. Save a choreography to this collection from its page.</p>
      ) : (
        <ol aria-label="Items" className="space-y-2">
          {c.items.map((item, i) => (
            <li key={item.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                {item.choreography ? (
                  <Link href={`/choreographies/${item.choreography.id}`} className="font-medium underline">
                    {i + 1}. {item.choreography.songTitle}: {item.choreography.request || 'choreography'}
                  </Link>
                ) : <span>{i + 1}. (removed)</span>}
                <span className="flex gap-1">
                  <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move item ${i + 1} up`} className="rounded border border-stone-300 px-2 disabled:opacity-40">↑</button>
                  <button type="button" onClick={() => move(i, 1)} disabled={i === c.items.length - 1} aria-label={`Move item ${i + 1} down`} className="rounded border border-stone-300 px-2 disabled:opacity-40">↓</button>
                  <button type="button" onClick={() => remove(item.id)} aria-label={`Remove item ${i + 1}`} className="rounded border border-stone-300 px-2">Remove</button>
                </span>
              </div>
              <NoteField key={`${item.id}:${item.note}`} label={`Note for item ${i + 1}`} initial={item.note} onSave={(n) => saveNote(item.id, n)} />
            </li>
          ))}
        </ol>
      )}
      {error && <Alert>{error}</Alert>}
      <ConfirmDialog open={confirming} title={`Delete “${c.name}”?`} confirmLabel="Delete" cancelLabel="Keep it" busyLabel="Deleting…"
        onConfirm={destroy} onClose={() => setConfirming(false)}>
        The collection goes; the choreographies in it stay.
      </ConfirmDialog>
    </div>
  )
}

function NoteField({ label, initial, onSave }: { label: string; initial: string; onSave: (note: string) => void }) {
  const [note, setNote] = useState(initial)
  return (
    <form onSubmit={(e) => { e.preventDefault(); onSave(note) }} className="flex flex-wrap items-end gap-2">
      <label className="min-w-0 flex-1 text-sm">
        <span className="block">{label}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={note === initial} className="rounded-md border border-stone-300 px-3 py-1 text-sm disabled:opacity-40">Save note</button>
    </form>
  )
}
