import type { z } from 'zod'
import { checkSongFile } from '@/lib/engines/audio/check-song-file'
import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { getStorage } from '@/lib/shared/storage/get-storage'
import { AUDIO_MIME, sniffAudio } from '@/lib/shared/validation/sniff-audio'
import type { ReceivedFile } from '@/lib/shared/http/receive-multipart-file'
import { SongFieldsSchema } from '@/lib/shared/validation/songs'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { assertStorageRoom, lockUserQuota, QUOTA_TRANSACTION } from '@/lib/services/quotas/user-quotas'
import { findCachedAnalysis } from './analyze-content'
import { analysisQueueFull } from './analyze-in-worker'
import { analyseInBackground, leaseUntil, NO_BEAT } from './run-song-analysis'
import { serializeSong } from './serialize-song'

/**
 * Upload → song, answered before the beat analysis. Order matters for "never a half-written
 * record": check the bytes (sniffed, decodable, 10 s–15 min: plainly bad input is a 4xx
 * now, not a failed song later), store under a content-addressed key, and only then create
 * the row, ANALYSING under this instance's lease; the analysis then runs in the worker-thread
 * pool (run-song-analysis.ts). Content analysed before is ready (or failed) at once. If the
 * row fails, the stored file is removed again unless another song shares it.
 */
export async function createSong(user: SessionUser, file: ReceivedFile) {
  const parsed = SongFieldsSchema.safeParse(file.fields)
  if (!parsed.success) throw parsed.error
  const fields: z.infer<typeof SongFieldsSchema> = parsed.data
  if (fields.visibility === 'PUBLIC' && user.role === 'USER') throw AppError.forbidden('Only instructors can publish songs to the library')
  const container = sniffAudio(file.head)
  if (!container) throw AppError.unsupportedMedia('Not a supported audio file (mp3, wav, flac, ogg/opus, m4a/aac)')
  // Before the decode, so a full account costs no work; checked again under the lock below.
  await assertStorageRoom(getDb(), user, file.size)
  const { durationSeconds } = await checkSongFile(file.path)

  const cached = await findCachedAnalysis(file.sha256)
  if (!cached && analysisQueueFull()) throw AppError.unavailable('Too many songs are being analysed right now, try again in a minute', 30)
  const outcome = !cached
    ? { analysisStatus: 'ANALYSING' as const, analysisLeaseUntil: leaseUntil(), analysisAttempts: 1 }
    : cached.countOne.length === 0
      ? { analysisStatus: 'FAILED' as const, analysisErrorCode: 'validation_failed', analysisErrorMessage: NO_BEAT }
      : { analysisStatus: 'READY' as const, analysis: cached, analysisVersion: cached.version, bpm: cached.bpm, energyClass: cached.energyClass }
  const storageKey = `songs/${file.sha256}.${container}`
  const storage = getStorage()
  const existed = (await storage.head(storageKey)) !== null
  if (!existed) await storage.putFile(storageKey, file.path, { contentType: AUDIO_MIME[container] })
  try {
    const song = await getDb().$transaction(async (tx) => {
      await lockUserQuota(tx, user.id)
      await assertStorageRoom(tx, user, file.size)
      return tx.song.create({
        data: {
          title: fields.title, artist: fields.artist, visibility: fields.visibility, uploadedById: user.id,
          storageKey, contentHash: file.sha256, mimeType: AUDIO_MIME[container], sizeBytes: file.size,
          durationSeconds: cached?.durationSeconds ?? durationSeconds, ...outcome,
        },
      })
    }, QUOTA_TRANSACTION)
    if (song.analysisStatus === 'ANALYSING') analyseInBackground(song.id)
    return { song: serializeSong(song, { withAnalysis: true }), analysisCached: cached !== null }
  } catch (e) {
    if (!existed && (await getDb().song.count({ where: { storageKey } })) === 0) await storage.delete(storageKey)
    throw e
  }
}
