'use client'

import Link from 'next/link'
import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'

export interface CollectionOption { id: string; name: string }

const NEW = '__new__'

/** Favourite this choreography, or save it to a collection (an existing one or a new one). */
export function KeepPanel({ taskId, favorite: initialFavorite, collections: initial }: { taskId: string; favorite: boolean; collections: CollectionOption[] }) {
  const [favorite, setFavorite] = useState(initialFavorite)
  const [collections, setCollections] = useState(initial)
  const [target, setTarget] = useState(initial[0]?.id ?? NEW)
  const [name, setName] = useState('')
  const [saved, setSaved] = useState<CollectionOption | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function toggleFavorite() {
    setError(null)
    try {
      const r = await fetchJson<{ favorite: boolean }>(`/api/choreographies/${taskId}/favorite`, { method: favorite ? 'DELETE' : 'PUT' })
      setFavorite(r.favorite)
    } catch (e) { setError((e as Error).message) }
  }

  async function save(e: React.FormEvent) {
    e.preventDefault()
    setError(null); setSaved(null)
    try {
      let into = collections.find((c) => c.id === target) ?? null
      if (!into) {
        const { collection } = await fetchJson<{ collection: CollectionOption }>('/api/collections', { body: { name } })
        into = collection
        setCollections((cs) => [collection, ...cs])
        setTarget(collection.id)
        setName('')
      }
      await fetchJson(`/api/collections/${into.id}/items`, { body: { taskId } })
      setSaved(into)
    } catch (err) { setError((err as Error).message) }
  }

  return (
    <section aria-labelledby="keep-title" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="keep-title" className="text-lg font-semibold">Keep it</h2>
      <button type="button" aria-pressed={favorite} onClick={toggleFavorite}
        className="rounded-md border border-stone-300 px-3 py-1.5 text-sm aria-pressed:border-brand-600 aria-pressed:bg-brand-50">
        {favorite ? '★ Favourite' : '☆ Add to favourites'}
      </button>
      <form onSubmit={save} className="flex flex-wrap items-end gap-2" aria-label="Save to a collection">
        <label className="text-sm">
          <span className="block font-medium">Save to collection</span>
          <select value={target} onChange={(e) => setTarget(e.target.value)} className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5">
            {collections.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            <option value={NEW}>New collection…</option>
          </select>
        </label>
        {target === NEW && (
          <label className="text-sm">
            <span className="block font-medium">New collection name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5" />
          </label>
        )}
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Save</button>
      </form>
      <div aria-live="polite">
        {saved && <p className="text-sm">Saved to <Link href={`/collections/${saved.id}`} className="font-medium underline">{saved.name}</Link>.</p>}
        {error && <Alert>{error}</Alert>}
      </div>
    </section>
  )
}
