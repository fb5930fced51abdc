import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { logger } from '@/lib/shared/logger'
import { hashPassword } from '@/lib/shared/auth/password'
import { hashResetToken, resetTokenProblem } from '@/lib/shared/auth/password-reset-token'
import { forgetSessionsOfUser } from '@/lib/shared/auth/session-cache'
import { setPassword } from './set-password'

/** One message for every reason (unknown, used, expired, disabled): nothing to probe. */
const INVALID = 'This reset link is invalid or has expired. Ask for a new one.'

/** Token + new password → the password is set, the token spent, every sign-in revoked. */
export async function resetPassword(input: { token: string; password: string }): Promise<void> {
  const db = getDb()
  const tokenHash = hashResetToken(input.token)
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash }, include: { user: { select: { disabled: true } } } })
  const problem = resetTokenProblem(row)
  if (problem || !row) {
    logger.info({ problem }, 'password reset refused')
    throw AppError.badRequest(INVALID)
  }
  // Hashed only for a live token (argon2 is the expensive part), and before the
  // transaction so it holds no connection while hashing.
  const passwordHash = await hashPassword(input.password)
  const done = await db.$transaction(async (tx) => {
    // Spent atomically: of two concurrent uses, one finds nothing to update.
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() },
    })
    if (spent.count !== 1) return false
    await setPassword(tx, row.userId, passwordHash, 'password-reset')
    return true
  })
  if (!done) throw AppError.badRequest(INVALID)
  forgetSessionsOfUser(row.userId) // after the commit: a read in between must not be cached
  logger.info({ userId: row.userId }, 'password reset: all sign-ins revoked')
}
