'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { historyHref, type HistoryParams } from './history-href'
import { STATUS_LABEL } from './status-label'

interface Props {
  songs: { id: string; title: string }[]
  current: HistoryParams
}

const SORTS = [['newest', 'Newest first'], ['oldest', 'Oldest first'], ['song', 'Song title (A–Z)']] as const
const field = 'mt-1 block h-10 w-full rounded-md border border-stone-300 bg-white px-3'

/**
 * The history page's filters. The address is the state: every change replaces the URL and the
 * server renders the list from it, so a filtered view can be reloaded, shared and gone back to.
 * Without JavaScript it is a plain GET form.
 */
export function HistoryFilters({ songs, current }: Props) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [q, setQ] = useState(current.q ?? '')
  // A back/forward navigation brings a new address: the box follows it.
  const [shownQ, setShownQ] = useState(current.q)
  if (shownQ !== current.q) {
    setShownQ(current.q)
    setQ(current.q ?? '')
  }

  // Any change starts again at page 1: the old page number means nothing in the new list.
  const apply = (changes: HistoryParams) =>
    startTransition(() => router.replace(historyHref({ ...current, q: q.trim(), ...changes, page: 1 }), { scroll: false }))

  return (
    <form role="search" aria-label="Filter choreographies" action="/choreographies" method="get"
      onSubmit={(e) => { e.preventDefault(); apply({}) }}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto] lg:items-end">
      <label className="text-sm">
        <span className="block font-medium">Search</span>
        <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100}
          placeholder="Request or song" className={field} />
      </label>
      <label className="text-sm">
        <span className="block font-medium">Status</span>
        <select name="status" value={current.status ?? ''} onChange={(e) => apply({ status: e.target.value })} className={field}>
          <option value="">Any status</option>
          {Object.entries(STATUS_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Song</span>
        <select name="songId" value={current.songId ?? ''} onChange={(e) => apply({ songId: e.target.value })} className={field}>
          <option value="">All songs</option>
          {songs.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Sort by</span>
        <select name="sort" value={current.sort ?? 'newest'} onChange={(e) => apply({ sort: e.target.value })} className={field}>
          {SORTS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Search</button>
        {/* Always there, so showing it moves nothing. */}
        <span role="status" className="w-20 text-sm text-stone-600">{pending ? 'Updating…' : ''}</span>
      </div>
    </form>
  )
}
