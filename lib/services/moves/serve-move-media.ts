import { AppError } from '@/lib/shared/errors'
import { respondWithObject, type ObjectResponseOptions } from '@/lib/shared/http/respond-with-object'
import { getStorage } from '@/lib/shared/storage/get-storage'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { getVisibleMoveOrThrow } from './move-access'
import { moveMediaVersion } from './serialize-move'

/** A month: long enough for browsing sessions; private, since access depends on the caller. */
const VERSIONED_CACHE = 'private, max-age=2592000, immutable'

const KINDS = {
  clip: { what: 'Clip', contentType: 'video/mp4', ext: 'mp4' },
  poster: { what: 'Poster', contentType: 'image/jpeg', ext: 'jpg' },
} as const

/**
 * A library move's clip (with byte ranges, for the preview player) or poster, for anyone
 * signed in while the move is enabled and for curators always; otherwise the 404 of a
 * missing move. A URL whose ?v= is the move's current media version names fixed bytes and
 * may be cached for long; without it (or with an old one) the browser revalidates by ETag.
 */
export async function serveMoveMedia(
  user: SessionUser,
  id: string,
  o: { kind: keyof typeof KINDS; version?: string } & Pick<ObjectResponseOptions, 'range' | 'ifNoneMatch' | 'head'>,
): Promise<Response> {
  const move = await getVisibleMoveOrThrow(user, id)
  const kind = KINDS[o.kind]
  const key = o.kind === 'clip' ? move.clipKey : move.posterKey
  if (!key) throw AppError.notFound(kind.what)
  const version = moveMediaVersion(move)
  try {
    return await respondWithObject({
      storage: getStorage(), key, download: false, range: o.range, ifNoneMatch: o.ifNoneMatch, head: o.head,
      contentType: kind.contentType, filename: `${move.id}.${kind.ext}`,
      etag: `"${o.kind}-${move.id}-${version}"`,
      cacheControl: o.version === version ? VERSIONED_CACHE : undefined,
    })
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw AppError.notFound(kind.what)
    throw e
  }
}
