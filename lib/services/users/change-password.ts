import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { logger } from '@/lib/shared/logger'
import { hashPassword, verifyPassword } from '@/lib/shared/auth/password'
import { createRefreshFamily, type FamilyKind } from '@/lib/shared/auth/refresh-tokens'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { forgetSessionsOfUser } from '@/lib/shared/auth/session-cache'
import { setPassword } from './set-password'

/**
 * Changes the password of a signed-in user who knows the current one. Every sign-in is
 * revoked, the caller's too, and the caller gets a new one of the same kind: it stays signed
 * in, but whatever tokens of its old sign-in may have leaked die with the others.
 */
export async function changePassword(user: SessionUser, input: { currentPassword: string; newPassword: string }, kind: FamilyKind) {
  const db = getDb()
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw AppError.validation('Your current password is not correct', { currentPassword: ['is not correct'] })
  }
  const passwordHash = await hashPassword(input.newPassword)
  const fresh = await db.$transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash, 'password-change')
    return createRefreshFamily(user.id, kind, tx)
  })
  forgetSessionsOfUser(user.id) // after the commit: a read in between must not be cached
  logger.info({ userId: user.id }, 'password changed: other sign-ins revoked')
  return fresh
}
