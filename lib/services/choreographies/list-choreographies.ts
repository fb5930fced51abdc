import { getDb, type Prisma } from '@/lib/shared/db'
import { escapeLike } from '@/lib/shared/escape-like'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { pageArgs } from '@/lib/shared/validation/pagination'
import type { ChoreographyListQuery } from '@/lib/shared/validation/choreographies'
import { serializeTask } from './serialize-task'

// The id is the last key of every order, so pages never repeat or skip a row on ties.
const ORDER: Record<ChoreographyListQuery['sort'], Prisma.ChoreographyTaskOrderByWithRelationInput[]> = {
  newest: [{ createdAt: 'desc' }, { id: 'asc' }],
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
  song: [{ song: { title: 'asc' } }, { createdAt: 'desc' }, { id: 'asc' }],
}

/** The caller's own choreographies, filtered, searched (request text or song title) and sorted,
 * each with its song's title from the same query. */
export async function listChoreographies(user: SessionUser, q: ChoreographyListQuery) {
  const where: Prisma.ChoreographyTaskWhereInput = {
    ownerId: user.id,
    ...(q.status ? { status: q.status } : {}),
    ...(q.songId ? { songId: q.songId } : {}),
    ...(q.q ? { OR: searchIn(escapeLike(q.q)) } : {}),
  }
  const db = getDb()
  const [rows, total] = await Promise.all([
    db.choreographyTask.findMany({ where, orderBy: ORDER[q.sort], include: { song: { select: { title: true } } }, ...pageArgs(q) }),
    db.choreographyTask.count({ where }),
  ])
  return {
    items: rows.map((t) => ({ ...serializeTask(t), songTitle: t.song.title })),
    total, page: q.page, pageSize: q.pageSize,
  }
}

function searchIn(pattern: string): Prisma.ChoreographyTaskWhereInput[] {
  return [
    { requestText: { contains: pattern, mode: 'insensitive' } },
    { song: { title: { contains: pattern, mode: 'insensitive' } } },
  ]
}

/** The songs the caller has choreographies for (the history page's song filter), by title. */
export async function listChoreographySongs(user: SessionUser) {
  return getDb().song.findMany({
    where: { tasks: { some: { ownerId: user.id } } },
    select: { id: true, title: true },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
  })
}
