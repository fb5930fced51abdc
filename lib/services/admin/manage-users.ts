import { getDb, type Role } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { escapeLike } from '@/lib/shared/escape-like'
import { forgetSessionsOfUser } from '@/lib/shared/auth/session-cache'
import { pageArgs } from '@/lib/shared/validation/pagination'

const SUMMARY = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } as const

export async function listUsers(opts: { page: number; pageSize: number; q?: string; role?: Role }) {
  const where = {
    ...(opts.role ? { role: opts.role } : {}),
    ...(opts.q
      ? { OR: [{ email: { contains: escapeLike(opts.q), mode: 'insensitive' as const } }, { name: { contains: escapeLike(opts.q), mode: 'insensitive' as const } }] }
      : {}),
  }
  const db = getDb()
  const [items, total] = await Promise.all([
    db.user.findMany({ where, select: SUMMARY, orderBy: { createdAt: 'desc' }, ...pageArgs(opts) }),
    db.user.count({ where }),
  ])
  return { items, total, page: opts.page, pageSize: opts.pageSize }
}

/** Admins change roles and disable accounts, but never their own: that is how the last
 * admin locks everyone out. Disabling revokes every sign-in of the account. */
export async function updateUser(actorId: string, userId: string, change: { role?: Role; disabled?: boolean }) {
  if (actorId === userId) throw AppError.conflict('You cannot change your own role or status')
  const db = getDb()
  const user = await db.user.update({ where: { id: userId }, data: change, select: SUMMARY })
  if (change.disabled) {
    await db.refreshTokenFamily.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: 'disabled' },
    })
  }
  forgetSessionsOfUser(userId)
  return user
}
