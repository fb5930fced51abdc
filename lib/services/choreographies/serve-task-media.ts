import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { getStorage } from '@/lib/shared/storage/get-storage'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { downloadFilename } from './download-filename'
import { respondWithObject } from '@/lib/shared/http/respond-with-object'

/**
 * The rendered video (or its poster) of a finished choreography, for its owner; anyone else
 * gets the same 404 as for a task that does not exist.
 */
export async function serveTaskMedia(
  user: SessionUser,
  id: string,
  o: { kind: 'video' | 'poster'; download: boolean; range: string | null; ifNoneMatch: string | null; head?: boolean },
): Promise<Response> {
  const task = await getDb().choreographyTask.findFirst({
    where: { id, ownerId: user.id },
    select: { id: true, status: true, outputKey: true, posterKey: true, song: { select: { title: true } } },
  })
  if (!task) throw AppError.notFound('Choreography')
  const what = o.kind === 'video' ? 'Video' : 'Poster'
  const key = o.kind === 'video' ? task.outputKey : task.posterKey
  if (task.status !== 'SUCCEEDED' || !key) throw AppError.notFound(what)
  try {
    return await respondWithObject({
      storage: getStorage(), key, download: o.download, range: o.range, ifNoneMatch: o.ifNoneMatch, head: o.head,
      contentType: o.kind === 'video' ? 'video/mp4' : 'image/jpeg', verify: o.kind === 'video',
      filename: downloadFilename(task.song.title, task.id, o.kind === 'video' ? 'mp4' : 'jpg'),
    })
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw AppError.notFound(what)
    throw e
  }
}
