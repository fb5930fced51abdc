import Link from 'next/link'
import { AdminSongUpload } from '@/components/admin/songs/admin-song-upload'
import { SongAnalysisStatus } from '@/components/admin/songs/song-analysis-status'
import { SongVisibilityToggle } from '@/components/admin/songs/song-visibility-toggle'
import { DataTable } from '@/components/ui/data-table'
import { formatClock } from '@/components/ui/format-clock'
import { listManagedSongs } from '@/lib/services/songs/list-managed-songs'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'
import { ManagedSongListQuerySchema } from '@/lib/shared/validation/songs'

export const metadata = { title: 'Songs' }

const PAGE_SIZE = 20

export default async function AdminSongsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole(STAFF_ROLES, '/admin/songs')
  const raw = await searchParams
  const one = (k: string) => (typeof raw[k] === 'string' ? raw[k] : undefined)
  // A hand-edited query string falls back to the first page of everything, not an error page.
  const parsed = ManagedSongListQuerySchema.safeParse({ q: one('q') || undefined, visibility: one('visibility') || undefined, page: one('page'), pageSize: PAGE_SIZE })
  const query = parsed.success ? parsed.data : ManagedSongListQuerySchema.parse({ pageSize: PAGE_SIZE })
  const songs = await listManagedSongs(user, query)
  const pages = Math.max(1, Math.ceil(songs.total / PAGE_SIZE))
  const pageHref = (page: number) => `/admin/songs?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.visibility ? { visibility: query.visibility } : {}), page: String(page) })}`

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Songs</h1>
      <p className="text-sm text-stone-600">
        {user.role === 'ADMIN' ? 'Every song in the app.' : 'The songs you uploaded and the public library.'} Open a song to check its count and correct it.
      </p>
      <AdminSongUpload />
      <form className="flex flex-wrap items-end gap-2" role="search" aria-label="Songs">
        <div>
          <label htmlFor="song-q" className="block text-sm font-medium text-stone-800">Title or artist</label>
          <input id="song-q" name="q" type="search" defaultValue={query.q} maxLength={100} className="mt-1 w-56 max-w-full rounded-md border border-stone-300 bg-white px-3 py-1.5" />
        </div>
        <div>
          <label htmlFor="song-visibility" className="block text-sm font-medium text-stone-800">Visibility</label>
          <select id="song-visibility" name="visibility" defaultValue={query.visibility ?? ''} className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5">
            <option value="">All</option>
            <option value="PUBLIC">Public</option>
            <option value="PRIVATE">Private</option>
          </select>
        </div>
        <button className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">Search</button>
      </form>
      <p className="text-sm text-stone-600" aria-live="polite">{songs.total} song{songs.total === 1 ? '' : 's'}</p>
      <DataTable label="Songs" columns={['Title', 'Artist', 'BPM', 'Length', 'Visibility', 'Analysis']}>
        {songs.items.map((s) => (
          <tr key={s.id} className="border-t border-stone-100" data-testid="song-row">
            <td className="px-3 py-2 font-medium">
              <Link href={`/admin/songs/${s.id}`} className="text-brand-700 underline-offset-2 hover:underline">{s.title}</Link>
            </td>
            <td className="px-3 py-2">{s.artist || '–'}</td>
            <td className="px-3 py-2">{s.bpm === null ? '–' : Math.round(s.bpm)}</td>
            <td className="px-3 py-2">{formatClock(s.durationSeconds)}</td>
            <td className="px-3 py-2">
              {s.editable
                ? <SongVisibilityToggle songId={s.id} title={s.title} initial={s.visibility} />
                : <span>{s.visibility === 'PUBLIC' ? 'Public' : 'Private'}</span>}
            </td>
            <td className="px-3 py-2"><SongAnalysisStatus status={s.analysis} state={s.analysisStatus} error={s.analysisError} /></td>
          </tr>
        ))}
        {songs.items.length === 0 && (
          <tr><td colSpan={6} className="px-3 py-6 text-center text-stone-600">No songs match. Clear the search or upload one above.</td></tr>
        )}
      </DataTable>
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {query.page > 1 && <Link href={pageHref(query.page - 1)} className="rounded-md border border-stone-300 bg-white px-3 py-1.5">Previous</Link>}
          <span>Page {query.page} of {pages}</span>
          {query.page < pages && <Link href={pageHref(query.page + 1)} className="rounded-md border border-stone-300 bg-white px-3 py-1.5">Next</Link>}
        </nav>
      )}
    </section>
  )
}
