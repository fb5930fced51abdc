import { redirect } from 'next/navigation'
import { GenerateFlow } from '@/components/generate/generate-flow'
import { listSongs } from '@/lib/services/songs/list-songs'
import { loadPreferences } from '@/lib/services/users/read-preferences'
import { getPageUser } from '@/lib/shared/auth/get-page-user'

export const metadata = { title: 'Generate' }

export default async function GeneratePage({ searchParams }: { searchParams: Promise<{ song?: string }> }) {
  const user = await getPageUser()
  if (!user) redirect('/sign-in?callbackUrl=/generate')
  const { song } = await searchParams
  const [{ items }, prefs] = await Promise.all([
    listSongs(user, { page: 1, pageSize: 100, sort: 'title', order: 'asc', mine: false }),
    loadPreferences(user.id),
  ])
  const defaults = { difficulty: prefs.preferredDifficulty, style: prefs.preferredStyle, durationSeconds: prefs.preferredDurationSeconds }
  const songs = items.map((s) => ({ id: s.id, title: s.title, artist: s.artist, bpm: s.bpm, energyClass: s.energyClass, durationSeconds: s.durationSeconds, analysisStatus: s.analysisStatus }))
  const initial = songs.some((s) => s.id === song) ? song! : null
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Generate a choreography</h1>
        <p className="mt-1 text-stone-600">A song and a sentence: moves on count 1, retimed to the music, rendered to a video.</p>
      </div>
      <GenerateFlow songs={songs} initialSongId={initial} defaults={defaults} />
    </div>
  )
}
