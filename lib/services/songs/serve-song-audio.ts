import { AppError } from '@/lib/shared/errors'
import { respondWithObject } from '@/lib/shared/http/respond-with-object'
import { getStorage } from '@/lib/shared/storage/get-storage'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { getVisibleSongOrThrow } from './song-access'

/**
 * A song's audio for the preview button and the analysis view, with byte ranges so the
 * browser can seek. Only songs the caller may see (public, or their own); others are 404.
 */
export async function serveSongAudio(
  user: SessionUser,
  id: string,
  o: { range: string | null; ifNoneMatch: string | null; head?: boolean },
): Promise<Response> {
  const song = await getVisibleSongOrThrow(user, id)
  try {
    return await respondWithObject({
      storage: getStorage(), key: song.storageKey, download: false, range: o.range, ifNoneMatch: o.ifNoneMatch, head: o.head,
      contentType: song.mimeType, filename: `song-${song.id}`,
    })
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw AppError.notFound('Song audio')
    throw e
  }
}
