import Link from 'next/link'
import { redirect } from 'next/navigation'
import { Suspense } from 'react'
import { HistoryFilters } from '@/components/choreographies/history-filters'
import { HistoryResults, HistoryResultsSkeleton } from '@/components/choreographies/history-results'
import { listChoreographies, listChoreographySongs } from '@/lib/services/choreographies/list-choreographies'
import { getPageUser } from '@/lib/shared/auth/get-page-user'
import { ChoreographyListQuerySchema } from '@/lib/shared/validation/choreographies'
import { parseSearchParams } from '@/lib/shared/validation/parse-search-params'

export const metadata = { title: 'My choreographies' }

const PAGE_SIZE = 10

export default async function ChoreographiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getPageUser()
  if (!user) redirect('/sign-in?callbackUrl=/choreographies')
  const parsed = parseSearchParams(ChoreographyListQuerySchema, await searchParams)
  const query = { ...parsed.data, pageSize: PAGE_SIZE }
  // The songs the user has choreographies for: none means nothing made yet, filters or not.
  const songs = await listChoreographySongs(user)
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">My choreographies</h1>
        <Link href="/generate" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Generate a new one</Link>
      </div>
      {songs.length === 0 ? (
        <section aria-labelledby="empty" className="space-y-3 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center">
          <h2 id="empty" className="text-xl font-semibold">Nothing here yet</h2>
          <p className="text-stone-600">Pick a song, say what you want to dance, and your choreographies will be listed here.</p>
          <Link href="/generate" className="inline-block rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">Generate</Link>
        </section>
      ) : (
        <>
          <HistoryFilters songs={songs} current={{ status: query.status, songId: query.songId, q: query.q, sort: query.sort }} />
          {parsed.ignored.length > 0 && (
            <p className="text-sm text-stone-600">Some of the address was not understood and was left out: {parsed.ignored.join(', ')}.</p>
          )}
          <Suspense fallback={<HistoryResultsSkeleton />}>
            <HistoryResults list={listChoreographies(user, query)} params={query} />
          </Suspense>
        </>
      )}
    </div>
  )
}
