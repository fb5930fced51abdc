import { adjustAnalysis, type AnalysisAdjustment } from '@/lib/engines/audio/adjust-analysis'
import { MAX_CORRECTIONS, type AnalysisPatch } from '@/lib/engines/audio/apply-corrections'
import { SongAnalysisSchema, type SongAnalysis } from '@/lib/engines/audio'
import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { getStorage } from '@/lib/shared/storage/get-storage'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { canManageSong, getVisibleSongOrThrow } from './song-access'
import { loadBaseAnalysis, refreshSongAnalysis, songCorrections } from './refresh-song-analysis'
import { serializeSong, withoutEnvelope } from './serialize-song'
import { analysisState, assertSongReady } from './song-readiness'

export async function getSong(user: SessionUser, id: string) {
  const song = await refreshSongAnalysis(await getVisibleSongOrThrow(user, id))
  return serializeSong(song, { withAnalysis: true })
}

/** Where the song's analysis stands, for polling after an upload: the analysis itself once ready. */
export async function getSongAnalysis(user: SessionUser, id: string) {
  const song = await refreshSongAnalysis(await getVisibleSongOrThrow(user, id))
  const state = analysisState(song)
  return {
    songId: song.id, ...state,
    ...(song.analysisStatus === 'READY' ? { analysis: withoutEnvelope(song.analysis), corrections: song.analysisCorrections } : {}),
  }
}

/** The plot's loudness curve with the song length it spans (re-analysing an older analysis first). */
export async function getSongEnergy(user: SessionUser, id: string) {
  const song = await refreshSongAnalysis(await getVisibleSongOrThrow(user, id))
  assertSongReady(song)
  const analysis = SongAnalysisSchema.parse(song.analysis)
  const envelope = analysis.energyEnvelope
  if (!envelope) throw AppError.conflict('This song has no loudness curve yet')
  return { songId: song.id, durationSeconds: analysis.durationSeconds, hopSeconds: envelope.hopSeconds, values: envelope.values }
}

/**
 * One more correction on top of the song's current analysis, or { reset: true } for the
 * automatic analysis again. The list is saved with the analysis it produced, guarded by the
 * row's updatedAt so two instructors correcting at once cannot lose one another's change.
 */
export async function adjustSongAnalysis(user: SessionUser, id: string, patch: AnalysisPatch) {
  const song = await refreshSongAnalysis(await getVisibleSongOrThrow(user, id))
  if (!canManageSong(user, song, 'analysis')) throw AppError.forbidden('Only the uploader, an instructor (public songs) or an admin can correct this analysis')
  assertSongReady(song)
  let analysis: SongAnalysis
  let corrections: AnalysisAdjustment[]
  if ('reset' in patch) {
    analysis = await loadBaseAnalysis(song)
    corrections = []
  } else {
    corrections = [...songCorrections(song), patch]
    if (corrections.length > MAX_CORRECTIONS) {
      throw AppError.validation(`A song keeps at most ${MAX_CORRECTIONS} corrections: reset them to start again`)
    }
    analysis = adjustAnalysis(SongAnalysisSchema.parse(song.analysis), patch)
  }
  const db = getDb()
  const saved = await db.song.updateMany({
    where: { id, updatedAt: song.updatedAt },
    data: { analysis, analysisCorrections: corrections, bpm: analysis.bpm },
  })
  if (saved.count === 0) throw AppError.conflict('The analysis was changed meanwhile: reload it and try again')
  return serializeSong(await db.song.findUniqueOrThrow({ where: { id } }), { withAnalysis: true })
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
