import Link from 'next/link'
import type { listChoreographies } from '@/lib/services/choreographies/list-choreographies'
import { DeleteChoreographyButton } from './delete-choreography-button'
import { historyHref, type HistoryParams } from './history-href'
import { STATUS_LABEL } from './status-label'

type List = Awaited<ReturnType<typeof listChoreographies>>

const HEADING_ID = 'history-results'
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const STATUS_LOOK: Record<keyof typeof STATUS_LABEL, string> = {
  QUEUED: 'bg-stone-100 text-stone-800', RUNNING: 'bg-amber-100 text-amber-900', SUCCEEDED: 'bg-green-100 text-green-900',
  FAILED: 'bg-red-100 text-red-900', CANCELLED: 'bg-stone-100 text-stone-700',
}

/** One page of the history: the rows, or why there are none, and the way to the next page. */
export async function HistoryResults({ list, params }: { list: Promise<List>; params: HistoryParams & { pageSize: number } }) {
  const { items, total, page } = await list
  const filtered = !!(params.status || params.songId || params.q)
  const pages = Math.max(1, Math.ceil(total / params.pageSize))
  return (
    <section aria-labelledby={HEADING_ID} className="space-y-3">
      {/* Focus lands here after a delete, so the new count is what is read out. */}
      <h2 id={HEADING_ID} tabIndex={-1} className="text-lg font-semibold">
        {total === 1 ? '1 choreography' : `${total} choreographies`}{filtered ? (total === 1 ? ' matches' : ' match') : ''}
      </h2>
      {total === 0 ? (
        <div className="space-y-2 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center">
          <p className="font-medium">No choreographies match these filters.</p>
          <Link href="/choreographies" className="inline-block text-brand-700 underline">Clear the filters</Link>
        </div>
      ) : items.length === 0 ? (
        <p className="text-stone-600">
          This page is past the end of the list. <Link href={historyHref({ ...params, page: pages })} className="text-brand-700 underline">Go to the last page</Link>
        </p>
      ) : (
        <ul aria-label="Choreographies" className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {items.map((t) => (
            <li key={t.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 space-y-1">
                <Link href={`/choreographies/${t.id}`} className="block min-w-0 hover:underline">
                  <span className="block truncate font-semibold">{t.songTitle}</span>
                  <span className="block truncate text-stone-700">{t.request || 'No request text'}</span>
                </Link>
                <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
                  <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_LOOK[t.status]}`}>{STATUS_LABEL[t.status]}</span>
                  <time dateTime={t.createdAt.toISOString()}>{DATE.format(t.createdAt)}</time>
                </p>
              </div>
              <DeleteChoreographyButton id={t.id} label={`${t.songTitle}: ${t.request || 'no request text'}`} focusAfterDelete={HEADING_ID} />
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm">
          {page > 1 ? <Link href={historyHref({ ...params, page: page - 1 })} className="rounded-md border border-stone-300 bg-white px-3 py-1.5">Previous</Link> : <span />}
          <span>Page {Math.min(page, pages)} of {pages}</span>
          {page < pages ? <Link href={historyHref({ ...params, page: page + 1 })} className="rounded-md border border-stone-300 bg-white px-3 py-1.5">Next</Link> : <span />}
        </nav>
      )}
    </section>
  )
}

/** Shown while the list loads: the shape of the list, so nothing jumps when it arrives. */
export function HistoryResultsSkeleton() {
  return (
    <div role="status" aria-label="Loading your choreographies" className="space-y-3">
      <div className="h-7 w-48 animate-pulse rounded bg-stone-200" />
      <div className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {[0, 1, 2].map((i) => <div key={i} className="h-24 animate-pulse bg-stone-50 sm:h-20" />)}
      </div>
    </div>
  )
}
