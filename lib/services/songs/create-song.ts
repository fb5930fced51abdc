import type { z } from 'zod'
import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { getStorage } from '@/lib/shared/storage/get-storage'
import { AUDIO_MIME, sniffAudio } from '@/lib/shared/validation/sniff-audio'
import type { ReceivedFile } from '@/lib/shared/http/receive-multipart-file'
import { SongFieldsSchema } from '@/lib/shared/validation/songs'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { assertStorageRoom, lockUserQuota, QUOTA_TRANSACTION } from '@/lib/services/quotas/user-quotas'
import { analyzeContent } from './analyze-content'
import { serializeSong } from './serialize-song'

/**
 * Upload → song. Order matters for "never a half-written record": check the bytes, analyse
 * (which also proves the file decodes), store under a content-addressed key, and only then
 * create the row; if the row fails, the stored file is removed again unless another song
 * shares it.
 */
export async function createSong(user: SessionUser, file: ReceivedFile) {
  const parsed = SongFieldsSchema.safeParse(file.fields)
  if (!parsed.success) throw parsed.error
  const fields: z.infer<typeof SongFieldsSchema> = parsed.data
  if (fields.visibility === 'PUBLIC' && user.role === 'USER') throw AppError.forbidden('Only instructors can publish songs to the library')
  const container = sniffAudio(file.head)
  if (!container) throw AppError.unsupportedMedia('Not a supported audio file (mp3, wav, flac, ogg/opus, m4a/aac)')
  // Before the analysis, so a full account costs no CPU; checked again under the lock below.
  await assertStorageRoom(getDb(), user, file.size)

  const { analysis, cached } = await analyzeContent(file.path, file.sha256)
  // Silence, noise or free time: a song with no grid can make no choreography, so say it now.
  if (analysis.countOne.length === 0) throw AppError.validation('No steady beat found in this audio')
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
          durationSeconds: analysis.durationSeconds, bpm: analysis.bpm, energyClass: analysis.energyClass,
          analysis, analysisVersion: analysis.version,
        },
      })
    }, QUOTA_TRANSACTION)
    return { song: serializeSong(song, { withAnalysis: true }), analysisCached: cached }
  } catch (e) {
    if (!existed && (await getDb().song.count({ where: { storageKey } })) === 0) await storage.delete(storageKey)
    throw e
  }
}
