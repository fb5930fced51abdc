import Link from 'next/link'
import { AdminMoveFilters, type AdminMoveFilterValues } from '@/components/admin/moves/admin-move-filters'
import { AdminMoveRow } from '@/components/admin/moves/admin-move-row'
import { Alert } from '@/components/ui/alert'
import { listMoves } from '@/lib/services/moves/list-moves'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'
import { isAppError } from '@/lib/shared/errors'
import { MoveListQuerySchema } from '@/lib/shared/validation/moves'

export const metadata = { title: 'Moves · Admin' }

const PAGE_SIZE = 25
type SearchParams = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').slice(0, 200)

export default async function AdminMovesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageRole(STAFF_ROLES, '/admin/moves')
  const sp = await searchParams
  const values: AdminMoveFilterValues = { q: one(sp.q).trim(), family: one(sp.family), difficulty: one(sp.difficulty), style: one(sp.style), enabled: one(sp.enabled) }
  const page = Math.min(10_000, Math.max(1, Number(one(sp.page)) || 1))
  const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''))
  // Curators see disabled moves too unless they narrow by status.
  const parsed = MoveListQuerySchema.safeParse({ ...filled, includeDisabled: 'true', page: String(page), pageSize: String(PAGE_SIZE) })
  let result: Awaited<ReturnType<typeof listMoves>> | null = null
  let error: string | null = parsed.success ? null : 'This address has a filter value we do not know: clear the filters to start again.'
  if (parsed.success) {
    try {
      result = await listMoves(user, parsed.data)
    } catch (e) {
      if (!isAppError(e) || (e.status >= 500 && e.status !== 503)) throw e
      error = e.message
    }
  }
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1
  const pageHref = (n: number) => `/admin/moves?${new URLSearchParams({ ...filled, page: String(n) })}`
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Moves</h1>
        <Link href="/admin/moves/new" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Ingest a clip</Link>
      </div>
      {/* Keyed by the query: the uncontrolled inputs show the address again after a client navigation. */}
      <AdminMoveFilters key={JSON.stringify(values)} values={values} />
      {error && <Alert>{error}</Alert>}
      {result && (
        <>
          <p className="text-sm text-stone-600" aria-live="polite">
            {result.total} move{result.total === 1 ? '' : 's'}{values.q ? ` for “${values.q}”, best match first` : ''}
          </p>
          {result.items.length
            ? <ul aria-label="Moves" className="rounded-lg border border-stone-200 bg-white">{result.items.map((m) => <AdminMoveRow key={m.id} move={m} />)}</ul>
            : <p className="rounded-lg border border-stone-200 bg-white p-4 text-stone-700">No moves match. Clear a filter or search in other words.</p>}
          {pages > 1 && (
            <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
              {page > 1 && <Link href={pageHref(page - 1)} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">Previous</Link>}
              <span>Page {page} of {pages}</span>
              {page < pages && <Link href={pageHref(page + 1)} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">Next</Link>}
            </nav>
          )}
        </>
      )}
    </section>
  )
}
