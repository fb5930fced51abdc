import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { logger } from '@/lib/shared/logger'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { getStorage } from '@/lib/shared/storage/get-storage'
import { outputKeysFor } from '@/lib/services/render-jobs/output-keys'

/**
 * Deletes one of the caller's choreographies (anyone else's is the 404 of a missing one).
 *
 * One DELETE statement, so the database's cascades happen with it or not at all: the
 * blueprint, share links, favourites and collection entries of this task go (the collections
 * themselves stay), and a class-plan item keeps its place with the task set to null. The song
 * is not touched.
 *
 * Then the stored video and poster. They are keyed by the blueprint hash and shared by every
 * task with the same blueprint (a render finds an existing output and reuses it), so they are
 * deleted only when no remaining task points at them or has that blueprint. The row goes
 * first: a failed storage delete leaves an unreferenced object (logged), never a task whose
 * video is missing. Left alone on purpose: the worker's segment cache (local to the worker and
 * shared by all renders), and the output of a render still running for this task: it is
 * uploaded after this has run (the worker then finds the row gone and stops), and a later
 * render of the same blueprint reuses it.
 */
export async function deleteChoreography(user: SessionUser, id: string) {
  const db = getDb()
  const task = await db.choreographyTask.findFirst({
    where: { id, ownerId: user.id },
    select: { outputKey: true, posterKey: true, blueprint: { select: { hash: true } } },
  })
  if (!task) throw AppError.notFound('Choreography')
  const { count } = await db.choreographyTask.deleteMany({ where: { id, ownerId: user.id } })
  if (count === 0) throw AppError.notFound('Choreography') // deleted meanwhile by another request
  await deleteUnusedMedia(task.blueprint?.hash ?? null, [task.outputKey, task.posterKey])
  return { deleted: true }
}

async function deleteUnusedMedia(hash: string | null, recorded: (string | null)[]) {
  const db = getDb()
  if (hash && (await db.blueprint.count({ where: { hash } })) > 0) return
  const derived = hash ? Object.values(outputKeysFor(hash)) : []
  const keys = [...new Set([...recorded, ...derived].filter((k): k is string => !!k))]
  for (const key of keys) {
    const users = await db.choreographyTask.count({ where: { OR: [{ outputKey: key }, { posterKey: key }] } })
    if (users > 0) continue
    await getStorage().delete(key).catch((err) => logger.warn({ err, key }, 'could not delete a stored choreography file'))
  }
}
