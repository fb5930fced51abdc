import { getDb } from '@/lib/shared/db'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { sharedWithInstructorWhere } from './shared-with-instructor'

const MAX_SOURCES = 100

/**
 * What the editor's picker offers: the caller's own choreographies that have a blueprint
 * (newest first, failed and cancelled ones left out), and other people's choreographies the
 * caller already added through a share link that is still live (a new shared one is added by
 * pasting its link); and the library's enabled moves, for drilling one move on its own.
 */
export async function listPlanSources(user: SessionUser) {
  const db = getDb()
  const [own, shared, moves] = await Promise.all([
    db.choreographyTask.findMany({
      where: { ownerId: user.id, status: { in: ['QUEUED', 'RUNNING', 'SUCCEEDED'] }, blueprint: { isNot: null } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: MAX_SOURCES,
      select: { id: true, requestText: true, status: true, createdAt: true, song: { select: { title: true } } },
    }),
    db.choreographyTask.findMany({
      where: sharedWithInstructorWhere(user.id),
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: MAX_SOURCES,
      select: { id: true, requestText: true, status: true, createdAt: true, song: { select: { title: true } } },
    }),
    db.move.findMany({
      where: { enabled: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 500,
      select: { id: true, name: true, family: true, difficulty: true, counts: true },
    }),
  ])
  const view = (t: (typeof own)[number], mine: boolean) => ({ id: t.id, request: t.requestText, status: t.status, songTitle: t.song.title, own: mine })
  return { items: [...own.map((t) => view(t, true)), ...shared.map((t) => view(t, false))], moves }
}
