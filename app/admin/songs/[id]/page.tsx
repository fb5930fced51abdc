import Link from 'next/link'
import { notFound } from 'next/navigation'
import { SongAnalysisEditor } from '@/components/admin/songs/song-analysis-editor'
import { SongNotAnalysed } from '@/components/admin/songs/song-not-analysed'
import { SongVisibilityToggle } from '@/components/admin/songs/song-visibility-toggle'
import { formatClock } from '@/components/ui/format-clock'
import { AnalysisCorrectionsSchema } from '@/lib/engines/audio/apply-corrections'
import { SongAnalysisSchema } from '@/lib/engines/audio'
import { getSong } from '@/lib/services/songs/manage-song'
import { canManageSong } from '@/lib/services/songs/song-access'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'
import { AppError } from '@/lib/shared/errors'

export const metadata = { title: 'Song analysis' }

export default async function AdminSongPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageRole(STAFF_ROLES, `/admin/songs/${encodeURIComponent(id)}`)
  if (id.length > 64) notFound()
  // Someone else's private song is the same 404 as one that does not exist.
  const song = await getSong(user, id).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound()
    throw e
  })
  if (song.analysisStatus !== 'ready') return <SongNotAnalysed song={song} />
  const analysis = SongAnalysisSchema.parse(song.analysis)
  const corrections = AnalysisCorrectionsSchema.catch([]).parse(song.corrections)
  return (
    <section className="space-y-4">
      <p className="text-sm"><Link href="/admin/songs" className="text-brand-700 underline-offset-2 hover:underline">← All songs</Link></p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{song.title}</h1>
          <p className="text-sm text-stone-600">
            {[song.artist, `${Math.round(analysis.bpm)} BPM`, formatClock(analysis.durationSeconds)].filter(Boolean).join(' · ')}
          </p>
        </div>
        {canManageSong(user, song, 'edit')
          ? <SongVisibilityToggle songId={song.id} title={song.title} initial={song.visibility} />
          : <span className="text-sm">{song.visibility === 'PUBLIC' ? 'Public' : 'Private'}</span>}
      </div>
      <SongAnalysisEditor
        song={{ id: song.id, title: song.title, analysis, corrections }}
        canCorrect={canManageSong(user, song, 'analysis')}
      />
    </section>
  )
}
