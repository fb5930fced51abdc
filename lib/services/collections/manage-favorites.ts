import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'

async function ownTask(user: SessionUser, taskId: string) {
  const t = await getDb().choreographyTask.findFirst({ where: { id: taskId, ownerId: user.id }, select: { id: true } })
  if (!t) throw AppError.notFound('Choreography')
}

/** Idempotent: favouriting twice leaves one favourite. */
export async function favoriteChoreography(user: SessionUser, taskId: string, on: boolean) {
  await ownTask(user, taskId)
  const db = getDb()
  if (on) {
    await db.favorite.upsert({ where: { userId_taskId: { userId: user.id, taskId } }, create: { userId: user.id, taskId }, update: {} })
  } else {
    await db.favorite.deleteMany({ where: { userId: user.id, taskId } })
  }
  return { favorite: on }
}

export async function isFavoriteChoreography(user: SessionUser, taskId: string): Promise<boolean> {
  return (await getDb().favorite.count({ where: { userId: user.id, taskId } })) > 0
}

export async function listFavoriteChoreographies(user: SessionUser) {
  const rows = await getDb().favorite.findMany({
    where: { userId: user.id, taskId: { not: null } }, orderBy: { createdAt: 'desc' }, take: 200,
    include: { task: { select: { id: true, requestText: true, status: true, createdAt: true, song: { select: { title: true } } } } },
  })
  return {
    items: rows.flatMap((f) => (f.task ? [{ id: f.task.id, request: f.task.requestText, status: f.task.status, songTitle: f.task.song.title, createdAt: f.task.createdAt }] : [])),
  }
}
