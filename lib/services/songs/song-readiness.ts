import type { Song } from '@/lib/generated/prisma/client'
import { AppError } from '@/lib/shared/errors'

/** Seconds a client waits before asking again about a song still being analysed. */
export const NOT_READY_RETRY_SECONDS = 5

/**
 * Everything built on the beat grid (choreographies, corrections, the loudness curve) needs
 * the analysis done: 409 with Retry-After while it runs (it will be), 422 when it failed
 * (it will not be: the song has no usable beat).
 */
export function assertSongReady(song: Pick<Song, 'analysisStatus' | 'analysisErrorMessage'>): void {
  if (song.analysisStatus === 'ANALYSING') {
    throw new AppError('song_not_ready', 'This song is still being analysed: try again in a few seconds', 409,
      undefined, { 'Retry-After': String(NOT_READY_RETRY_SECONDS) })
  }
  if (song.analysisStatus === 'FAILED') {
    throw new AppError('song_analysis_failed',
      `This song could not be analysed (${song.analysisErrorMessage ?? 'no beat grid'}): choose another song`, 422)
  }
}

/** The API's view of where a song's analysis stands. */
export function analysisState(song: Pick<Song, 'analysisStatus' | 'analysisErrorCode' | 'analysisErrorMessage'>) {
  return {
    analysisStatus: song.analysisStatus.toLowerCase() as 'analysing' | 'ready' | 'failed',
    analysisError: song.analysisStatus === 'FAILED'
      ? { code: song.analysisErrorCode ?? 'internal', message: song.analysisErrorMessage ?? 'The analysis failed' }
      : null,
  }
}
