'use client'

import { useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'next/navigation'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { fetchJson } from '@/components/ui/fetch-json'
import { DIFFICULTIES, ENERGIES, FAMILIES, HOLDS, STYLES } from '@/lib/engines/dance/vocabulary-values'
import { MoveCard } from './move-card'
import { label, toMovePage, type MovePage } from './move-card-data'
import { FILTER_KEYS, PAGE_SIZE, hasAnyFilter, moveQueryString, readMoveQuery, type FilterKey, type MoveQuery } from './move-query'

const FILTERS: Record<FilterKey, { title: string; any: string; values: readonly string[] }> = {
  family: { title: 'Family', any: 'Any family', values: FAMILIES },
  difficulty: { title: 'Difficulty', any: 'Any difficulty', values: DIFFICULTIES },
  style: { title: 'Style', any: 'Any style', values: STYLES },
  hold: { title: 'Hold', any: 'Any hold', values: HOLDS },
  energy: { title: 'Energy', any: 'Any energy', values: ENERGIES },
}
const DEBOUNCE_MS = 300

function summary(total: number, q: string): string {
  if (total === 0) return 'No moves found'
  const n = `${total} move${total === 1 ? '' : 's'}`
  return q ? `${n} for “${q}”, best match first` : n
}

/** Results for one query string; `key` says which, so a stale answer is never shown as current. */
interface Loaded { key: string; page: MovePage | null; error: string | null }

/**
 * Search and filters for the move library. The address is the state: filters push a history
 * entry, typing replaces its own entry once the first debounced one exists, so the back
 * button steps through searches rather than letters. The page renders the first results on
 * the server; this fetches when the address changes (and keeps the old cards in place,
 * dimmed, until the new ones arrive: no layout jump while typing).
 */
export function MoveBrowser({ initial }: { initial: Loaded }) {
  const params = useSearchParams()
  const query = readMoveQuery(params)
  const key = moveQueryString(query)
  const [text, setText] = useState(query.q)
  const [loaded, setLoaded] = useState<Loaded>(initial)
  const [more, setMore] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null })
  const typingEntry = useRef(false)
  const timer = useRef<number | undefined>(undefined)
  const loading = loaded.key !== key

  useEffect(() => {
    if (loaded.key === key) return
    const ac = new AbortController()
    fetchJson<Parameters<typeof toMovePage>[0]>(`/api/moves?${key}${key ? '&' : ''}pageSize=${PAGE_SIZE}`, { signal: ac.signal })
      .then((r) => setLoaded({ key, page: toMovePage(r), error: null }))
      .catch((e: Error) => { if (e.name !== 'AbortError') setLoaded({ key, page: null, error: e.message }) })
    return () => ac.abort()
  }, [key, loaded.key])

  // Back and forward change the address under the search box: show what it now says.
  useEffect(() => {
    const onPop = () => { typingEntry.current = false; setText(readMoveQuery(new URLSearchParams(window.location.search)).q) }
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  function navigate(patch: Partial<MoveQuery>, typing = false) {
    window.clearTimeout(timer.current)
    const now = readMoveQuery(new URLSearchParams(window.location.search))
    const qs = moveQueryString({ ...now, ...patch })
    if (qs === moveQueryString(now)) return
    const url = qs ? `/moves?${qs}` : '/moves'
    // Next.js keeps useSearchParams in step with the native history calls.
    if (typing && typingEntry.current) window.history.replaceState(null, '', url)
    else window.history.pushState(null, '', url)
    typingEntry.current = typing
  }

  function onType(value: string) {
    setText(value)
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => navigate({ q: value.trim() }, true), DEBOUNCE_MS)
  }

  function clearAll() {
    setText('')
    navigate({ q: '', ...Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) })
  }

  async function showMore() {
    const page = loaded.page
    if (!page) return
    setMore({ loading: true, error: null })
    try {
      const r = toMovePage(await fetchJson(`/api/moves?${key}${key ? '&' : ''}pageSize=${PAGE_SIZE}&page=${page.page + 1}`))
      setLoaded((l) => (l.key === key && l.page ? { ...l, page: { ...r, items: [...l.page.items, ...r.items] } } : l))
      setMore({ loading: false, error: null })
    } catch (e) {
      setMore({ loading: false, error: (e as Error).message })
    }
  }

  const page = loaded.page
  const searching = query.q !== ''
  return (
    <div className="space-y-4">
      <form role="search" aria-label="Moves" onSubmit={(e) => { e.preventDefault(); navigate({ q: text.trim() }) }}
        className="grid grid-cols-2 gap-3 lg:grid-cols-3">
        <label className="col-span-2 text-sm lg:col-span-3">
          <span className="block font-medium">Search moves</span>
          <input type="search" value={text} onChange={(e) => onType(e.target.value)} placeholder="e.g. easy turn from open hold"
            className="mt-1 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base" />
        </label>
        {FILTER_KEYS.map((k) => (
          <label key={k} className="min-w-0 text-sm">
            <span className="block font-medium">{FILTERS[k].title}</span>
            <select value={query[k]} onChange={(e) => navigate({ [k]: e.target.value })}
              className="mt-1 w-full rounded-md border border-stone-300 bg-white px-3 py-2">
              <option value="">{FILTERS[k].any}</option>
              {FILTERS[k].values.map((v) => <option key={v} value={v}>{label(v)}</option>)}
            </select>
          </label>
        ))}
        <div className="flex items-end">
          <Button type="button" variant="secondary" onClick={clearAll} disabled={!searching && !hasAnyFilter(query)} className="w-full disabled:opacity-50">
            Clear search and filters
          </Button>
        </div>
      </form>

      <p role="status" aria-live="polite" className="min-h-5 text-sm text-stone-600">
        {loading ? 'Searching…' : page ? summary(page.total, query.q) : ''}
      </p>

      {loaded.error && !loading ? (
        <div className="space-y-2">
          <Alert>{loaded.error}</Alert>
          <Button type="button" variant="secondary" onClick={() => setLoaded((l) => ({ ...l, key: '\0retry' }))}>Try again</Button>
        </div>
      ) : page && page.items.length === 0 ? (
        <div className="rounded-md border border-dashed border-stone-300 p-6 text-center text-stone-700" data-testid="moves-empty">
          <p className="font-medium">No moves match{searching ? ` “${query.q}”` : ''}{hasAnyFilter(query) ? ' with these filters' : ''}.</p>
          <p className="mt-1 text-sm">Try other words (a family like “turn” or “dip”, a level, a feel) or fewer filters.</p>
        </div>
      ) : page ? (
        <ul aria-label="Moves" aria-busy={loading} className={`grid gap-3 sm:grid-cols-2 lg:grid-cols-3 ${loading ? 'opacity-60' : ''}`}>
          {page.items.map((m) => <li key={m.id}><MoveCard move={m} /></li>)}
        </ul>
      ) : null}

      {page && !loading && page.items.length < page.total && (
        <div className="space-y-2 text-center">
          {more.error && <Alert>{more.error}</Alert>}
          <Button type="button" variant="secondary" onClick={showMore} disabled={more.loading}>
            {more.loading ? 'Loading…' : `Show more (${page.total - page.items.length} left)`}
          </Button>
        </div>
      )}
    </div>
  )
}
