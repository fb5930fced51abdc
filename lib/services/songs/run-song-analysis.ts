import { applyCorrections } from '@/lib/engines/audio/apply-corrections'
import { getDb } from '@/lib/shared/db'
import { isAppError } from '@/lib/shared/errors'
import { logger } from '@/lib/shared/logger'
import { loadBaseAnalysis, songCorrections } from './refresh-song-analysis'

/**
 * A song's beat analysis after its upload has answered. The instance running it holds a
 * lease on the row (analysisLeaseUntil), renewed while it works; a row still ANALYSING with
 * an expired lease was left by an instance that stopped, and any instance's sweep
 * (sweep-song-analyses.ts) claims it again. Claims are atomic, so two instances never run
 * the same song.
 */
export const ANALYSIS_LEASE_SECONDS = 120
/** A song whose analysis keeps dying with its instance (or the storage keeps failing) stops being retried. */
export const MAX_ANALYSIS_ATTEMPTS = 3

export const NO_BEAT = 'No steady beat found in this audio'

export const leaseUntil = () => new Date(Date.now() + ANALYSIS_LEASE_SECONDS * 1000)

/** Starts the analysis of a song this instance has claimed; never throws (it is not awaited). */
export function analyseInBackground(songId: string): void {
  runSongAnalysis(songId).catch((err) => logger.error({ songId, err: String(err) }, 'song analysis could not be recorded'))
}

export async function runSongAnalysis(songId: string): Promise<void> {
  const db = getDb()
  const song = await db.song.findUnique({ where: { id: songId } })
  if (!song || song.analysisStatus !== 'ANALYSING') return
  const where = { id: songId, analysisStatus: 'ANALYSING' as const }
  if (song.analysisAttempts > MAX_ANALYSIS_ATTEMPTS) {
    await fail(songId, 'internal', 'The analysis was interrupted too often: delete the song and upload it again')
    return
  }
  // Renewed well before it runs out, so a long wait in the pool's queue does not lose the claim.
  const renew = setInterval(() => {
    db.song.updateMany({ where, data: { analysisLeaseUntil: leaseUntil() } }).catch(() => {})
  }, (ANALYSIS_LEASE_SECONDS * 1000) / 3)
  try {
    const analysis = applyCorrections(await loadBaseAnalysis(song), songCorrections(song))
    // Silence, noise or free time: a song with no grid can make no choreography.
    if (analysis.countOne.length === 0) return await fail(songId, 'validation_failed', NO_BEAT)
    await db.song.updateMany({
      where,
      data: {
        analysisStatus: 'READY', analysis, analysisVersion: analysis.version, bpm: analysis.bpm, energyClass: analysis.energyClass,
        durationSeconds: analysis.durationSeconds, analysisLeaseUntil: null, analysisErrorCode: null, analysisErrorMessage: null,
      },
    })
  } catch (e) {
    // A 4xx is the audio's own fault and final; anything else (a worker that died, storage or
    // a full queue) is retried by a sweep once the lease is released.
    if (isAppError(e) && e.status < 500) return await fail(songId, e.code, e.message)
    logger.warn({ songId, attempt: song.analysisAttempts, err: String(e) }, 'song analysis did not finish; released for a retry')
    await db.song.updateMany({ where, data: { analysisLeaseUntil: null } })
  } finally {
    clearInterval(renew)
  }
}

async function fail(songId: string, code: string, message: string): Promise<void> {
  await getDb().song.updateMany({
    where: { id: songId, analysisStatus: 'ANALYSING' },
    data: { analysisStatus: 'FAILED', analysisErrorCode: code, analysisErrorMessage: message, analysisLeaseUntil: null },
  })
}
