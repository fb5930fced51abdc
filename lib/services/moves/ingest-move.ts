import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { compareClipTiming } from '@/lib/engines/audio/compare-clip-timing'
import { makePoster } from '@/lib/engines/media/make-poster'
import { normalizeClip } from '@/lib/engines/media/normalize-clip'
import { probeClip } from '@/lib/engines/media/probe-clip'
import { MoveAnnotationSchema } from '@/lib/engines/dance/move-annotation'
import { logger } from '@/lib/shared/logger'
import { getStorage } from '@/lib/shared/storage/get-storage'
import type { ReceivedFile } from '@/lib/shared/http/receive-multipart-file'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { measureClipTiming } from './measure-clip-timing'
import { syncMoveInIndex } from './move-search'
import { serializeMove } from './serialize-move'

/** The annotation arrives as a JSON string field next to the clip. */
function parseAnnotation(raw: string | undefined) {
  if (!raw) throw AppError.validation('The annotation is required', { annotation: ['is required'] })
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw AppError.badRequest('The annotation field is not valid JSON')
  }
  const parsed = MoveAnnotationSchema.safeParse(json)
  if (!parsed.success) throw parsed.error
  return parsed.data
}

/**
 * Clip + annotation → a library move, searchable at once. The clip is validated by content
 * (ffprobe), normalised once to the library format, given a poster, stored, embedded and
 * indexed. Stored files are removed again if the row cannot be written. The clip's own music
 * (when it has a track) is analysed too: the answer carries its timing and a warning per
 * annotation field it contradicts (the clip is stored anyway: the instructor decides).
 */
export async function ingestMove(user: SessionUser, file: ReceivedFile) {
  const annotation = parseAnnotation(file.fields.annotation)
  const db = getDb()
  if (await db.move.findUnique({ where: { id: annotation.id }, select: { id: true } })) {
    throw AppError.conflict(`A move with id "${annotation.id}" already exists`)
  }
  const probed = await probeClip(file.path)
  // Measured on the upload: the library format has no sound. Never fatal for the ingest.
  const clipTiming = await measureClipTiming(file.path, probed).catch((e: unknown) => {
    logger.warn({ err: e, moveId: annotation.id }, 'clip timing failed')
    return null
  })
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bachata-ingest-'))
  const storage = getStorage()
  const stored: string[] = []
  try {
    const clip = path.join(dir, 'clip.mp4')
    const poster = path.join(dir, 'poster.jpg')
    const info = await normalizeClip(file.path, clip)
    if (info.durationSeconds < annotation.firstCountOffset + 0.5) {
      throw AppError.validation('The first count lies past the end of the clip', { firstCountOffset: ['is beyond the clip'] })
    }
    await makePoster(clip, poster)
    const clipHash = createHash('sha256').update(await readFile(clip)).digest('hex')
    const clipKey = `clips/${annotation.id}-${clipHash.slice(0, 12)}.mp4`
    const posterKey = `posters/${annotation.id}-${clipHash.slice(0, 12)}.jpg`
    await storage.putFile(clipKey, clip, { contentType: 'video/mp4' })
    stored.push(clipKey)
    await storage.putFile(posterKey, poster, { contentType: 'image/jpeg' })
    stored.push(posterKey)
    const move = await db.move.create({
      data: { ...annotation, clipKey, posterKey, clipHash, durationSeconds: info.durationSeconds, createdById: user.id },
    })
    await syncMoveInIndex({ ...annotation, enabled: true })
    return { move: serializeMove(move, user), clipTiming, warnings: compareClipTiming(annotation, clipTiming) }
  } catch (e) {
    for (const key of stored) await storage.delete(key).catch(() => {})
    throw e
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
