import { redirect } from 'next/navigation'
import { MoveBrowser } from '@/components/moves/move-browser'
import { toMovePage } from '@/components/moves/move-card-data'
import { PAGE_SIZE, moveQueryString, readMoveQuery } from '@/components/moves/move-query'
import { listMoves } from '@/lib/services/moves/list-moves'
import { getPageUser } from '@/lib/shared/auth/get-page-user'
import { isAppError } from '@/lib/shared/errors'
import { MoveListQuerySchema } from '@/lib/shared/validation/moves'

export const metadata = { title: 'Moves' }

type SearchParams = Record<string, string | string[] | undefined>

/** The first results come from the service here, so the page arrives filled; the browser refines. */
async function firstResults(user: NonNullable<Awaited<ReturnType<typeof getPageUser>>>, sp: SearchParams) {
  const query = readMoveQuery({ get: (k) => { const v = sp[k]; return (Array.isArray(v) ? v[0] : v) ?? null } })
  const key = moveQueryString(query)
  const parsed = MoveListQuerySchema.safeParse({ ...Object.fromEntries(new URLSearchParams(key)), pageSize: PAGE_SIZE })
  if (!parsed.success) return { key, page: null, error: 'This address has a filter value we do not know. Clear the search and filters to start again.' }
  try {
    return { key, page: toMovePage(await listMoves(user, parsed.data)), error: null }
  } catch (e) {
    // Shown in place with a way to retry; anything unexpected goes to the error boundary.
    if (isAppError(e) && (e.status < 500 || e.status === 503)) return { key, page: null, error: e.message }
    throw e
  }
}

export default async function MovesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getPageUser()
  if (!user) redirect('/sign-in?callbackUrl=/moves')
  const initial = await firstResults(user, await searchParams)
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Move library</h1>
        <p className="mt-1 text-stone-600">Search in your own words, narrow by family, level, style, hold or energy; hover or focus a move to watch it.</p>
      </div>
      <MoveBrowser initial={initial} />
    </div>
  )
}
