import type { Prisma, Role } from '@/lib/shared/db'
import { getEnv } from '@/lib/shared/env'
import { AppError } from '@/lib/shared/errors'
import { getMetrics } from '@/lib/shared/http/metrics'

/**
 * Per-user quotas: the bytes of a user's uploaded songs, and their renders in flight (QUEUED +
 * RUNNING tasks). Each check runs in the transaction that writes the row, after taking an
 * advisory lock on the user: two parallel requests (on any instance) queue on the lock, and
 * the second counts the first's row. Staff (instructors, admins) prepare classes and the
 * public library, so they get STAFF_QUOTA_FACTOR times a dancer's room.
 */
export const STAFF_QUOTA_FACTOR = 10

type Db = Prisma.TransactionClient

/** Waits on the lock are short (one count and one insert each), but CI machines are slow. */
export const QUOTA_TRANSACTION = { maxWait: 10_000, timeout: 20_000 }

export function quotasFor(role: Role): { storageBytes: number; concurrentRenders: number } {
  const env = getEnv()
  const factor = role === 'USER' ? 1 : STAFF_QUOTA_FACTOR
  return { storageBytes: env.USER_STORAGE_QUOTA_BYTES * factor, concurrentRenders: env.USER_CONCURRENT_RENDERS * factor }
}

/** Holds this user's quota lock until the transaction ends (commit or rollback). */
export async function lockUserQuota(tx: Db, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`quota:${userId}`}, 0))`
}

/** 413: the upload would take the user's songs past their storage quota. */
export async function assertStorageRoom(db: Db, user: { id: string; role: Role }, bytes: number): Promise<void> {
  const limit = quotasFor(user.role).storageBytes
  const used = (await db.song.aggregate({ where: { uploadedById: user.id }, _sum: { sizeBytes: true } }))._sum.sizeBytes ?? 0
  if (used + bytes <= limit) return
  getMetrics().quotaRefused.inc({ quota: 'storage' })
  throw new AppError('storage_quota_exceeded',
    `This upload (${mib(bytes)}) would take your songs past your storage quota of ${mib(limit)} (${mib(used)} used): delete a song to make room`,
    413, { file: [`exceeds the storage quota of ${limit} bytes`] })
}

/** 429: the user already has as many renders queued or running as they may. */
export async function assertRenderSlot(db: Db, user: { id: string; role: Role }, exceptTaskId?: string): Promise<void> {
  const limit = quotasFor(user.role).concurrentRenders
  const active = await db.choreographyTask.count({
    where: { ownerId: user.id, status: { in: ['QUEUED', 'RUNNING'] }, ...(exceptTaskId ? { id: { not: exceptTaskId } } : {}) },
  })
  if (active < limit) return
  getMetrics().quotaRefused.inc({ quota: 'renders' })
  throw new AppError('render_quota_exceeded',
    `You have ${active} renders queued or running, the most at once your account allows (${limit}): wait for one to finish or cancel one`,
    429, undefined, { 'Retry-After': '30' })
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`
