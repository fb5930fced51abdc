import { createHash, randomBytes } from 'node:crypto'
import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { getEnv } from '@/lib/shared/env'
import { respondWithObject } from '@/lib/shared/http/respond-with-object'
import { getStorage } from '@/lib/shared/storage/get-storage'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { ShareTokenSchema } from '@/lib/shared/validation/choreographies'

/** Live links per choreography: plenty for a class, bounded so a loop cannot fill the table. */
const MAX_ACTIVE_LINKS = 20

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

function serializeLink(l: { id: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null }) {
  return { id: l.id, createdAt: l.createdAt, expiresAt: l.expiresAt, revokedAt: l.revokedAt }
}

async function ownTask(user: SessionUser, taskId: string) {
  const task = await getDb().choreographyTask.findFirst({ where: { id: taskId, ownerId: user.id }, select: { id: true, status: true } })
  if (!task) throw AppError.notFound('Choreography')
  return task
}

/**
 * A read-only link to a finished choreography. The token (192 random bits) is returned once
 * and stored only as its SHA-256, so a database leak cannot open anyone's video.
 */
export async function createShareLink(user: SessionUser, taskId: string, o: { expiresInDays?: number | null }) {
  const task = await ownTask(user, taskId)
  if (task.status !== 'SUCCEEDED') throw AppError.conflict('Only a finished choreography can be shared')
  const db = getDb()
  const now = new Date()
  const active = await db.shareLink.count({ where: { taskId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } })
  if (active >= MAX_ACTIVE_LINKS) throw AppError.conflict(`At most ${MAX_ACTIVE_LINKS} live links per choreography: revoke one first`)
  const token = randomBytes(24).toString('base64url')
  const expiresAt = o.expiresInDays ? new Date(now.getTime() + o.expiresInDays * 86_400_000) : null
  const link = await db.shareLink.create({ data: { taskId, tokenHash: hashToken(token), expiresAt } })
  const path = `/s/${token}`
  return { link: { ...serializeLink(link), path, url: new URL(path, getEnv().APP_URL).toString() } }
}

export async function listShareLinks(user: SessionUser, taskId: string) {
  await ownTask(user, taskId)
  const links = await getDb().shareLink.findMany({ where: { taskId }, orderBy: { createdAt: 'desc' }, take: 100 })
  return { items: links.map(serializeLink) }
}

export async function revokeShareLink(user: SessionUser, taskId: string, linkId: string) {
  await ownTask(user, taskId)
  const { count } = await getDb().shareLink.updateMany({ where: { id: linkId, taskId, revokedAt: null }, data: { revokedAt: new Date() } })
  if (count === 0) {
    const exists = await getDb().shareLink.count({ where: { id: linkId, taskId } })
    if (!exists) throw AppError.notFound('Share link')
  }
  return { ok: true }
}

/**
 * The choreography behind a live token, or the one 404 for everything else (malformed,
 * unknown, revoked, expired, not finished), so a stranger learns nothing by trying.
 */
export async function resolveShareToken(token: string) {
  const parsed = ShareTokenSchema.safeParse(token)
  if (!parsed.success) throw AppError.notFound('Choreography')
  const link = await getDb().shareLink.findUnique({
    where: { tokenHash: hashToken(parsed.data) },
    include: { task: { include: { blueprint: true, song: { select: { title: true } } } } },
  })
  const now = Date.now()
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt.getTime() <= now)) throw AppError.notFound('Choreography')
  if (link.task.status !== 'SUCCEEDED' || !link.task.outputKey) throw AppError.notFound('Choreography')
  return link.task
}

/** The shared page's view: the song's title and the blueprint's moves, nothing of the owner. */
export async function getSharedChoreography(token: string) {
  const task = await resolveShareToken(token)
  const bp = task.blueprint?.data as { start: number; moves: unknown[]; countIn?: { beatTimes: number[]; calls: number[] } | null } | undefined
  return {
    songTitle: task.song.title,
    videoPath: `/api/share/${token}/video`,
    posterPath: task.posterKey ? `/api/share/${token}/poster` : null,
    blueprint: bp ? { start: bp.start, moves: bp.moves, countIn: bp.countIn ?? null } : null,
  }
}

export async function serveSharedMedia(token: string, o: { kind: 'video' | 'poster'; range: string | null; ifNoneMatch: string | null; head?: boolean }) {
  const task = await resolveShareToken(token)
  const key = o.kind === 'video' ? task.outputKey : task.posterKey
  if (!key) throw AppError.notFound(o.kind === 'video' ? 'Video' : 'Poster')
  return respondWithObject({
    storage: getStorage(), key, download: false, range: o.range, ifNoneMatch: o.ifNoneMatch, head: o.head,
    contentType: o.kind === 'video' ? 'video/mp4' : 'image/jpeg', filename: `bachata-shared.${o.kind === 'video' ? 'mp4' : 'jpg'}`,
  })
}
