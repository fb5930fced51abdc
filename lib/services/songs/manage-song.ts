import { adjustAnalysis, type AnalysisAdjustment } from '@/lib/engines/audio/adjust-analysis'
import { SongAnalysisSchema } from '@/lib/engines/audio'
import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { getStorage } from '@/lib/shared/storage/get-storage'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { canManageSong, getVisibleSongOrThrow } from './song-access'
import { refreshSongAnalysis } from './refresh-song-analysis'
import { serializeSong } from './serialize-song'

export async function getSong(user: SessionUser, id: string) {
  const song = await refreshSongAnalysis(await getVisibleSongOrThrow(user, id))
  return serializeSong(song, { withAnalysis: true })
}

/** The plot's loudness curve with the song length it spans (re-analysing an older analysis first). */
export async function getSongEnergy(user: SessionUser, id: string) {
  const song = await refreshSongAnalysis(await getVisibleSongOrThrow(user, id))
  const analysis = SongAnalysisSchema.parse(song.analysis)
  const envelope = analysis.energyEnvelope
  if (!envelope) throw AppError.conflict('This song has no loudness curve yet')
  return { songId: song.id, durationSeconds: analysis.durationSeconds, hopSeconds: envelope.hopSeconds, values: envelope.values }
}

export async function adjustSongAnalysis(user: SessionUser, id: string, adjustment: AnalysisAdjustment) {
  const song = await refreshSongAnalysis(await getVisibleSongOrThrow(user, id))
  if (!canManageSong(user, song, 'analysis')) throw AppError.forbidden('Only the uploader, an instructor (public songs) or an admin can correct this analysis')
  const current = SongAnalysisSchema.parse(song.analysis)
  const analysis = adjustAnalysis(current, adjustment)
  const updated = await getDb().song.update({ where: { id }, data: { analysis, bpm: analysis.bpm } })
  return serializeSong(updated, { withAnalysis: true })
}

export async function deleteSong(user: SessionUser, id: string) {
  const song = await getVisibleSongOrThrow(user, id)
  if (!canManageSong(user, song, 'delete')) throw AppError.forbidden('Only the uploader or an admin can delete this song')
  const db = getDb()
  if ((await db.choreographyTask.count({ where: { songId: id } })) > 0) {
    throw AppError.conflict('This song is used by choreographies; delete those first')
  }
  await db.song.delete({ where: { id } })
  if ((await db.song.count({ where: { storageKey: song.storageKey } })) === 0) await getStorage().delete(song.storageKey)
  return { deleted: true }
}
