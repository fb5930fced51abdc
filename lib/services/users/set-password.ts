import type { Prisma } from '@/lib/shared/db'

/**
 * The one way a password changes, inside the caller's transaction: the new hash, every
 * outstanding reset link spent, and every sign-in of the account revoked (browser sessions
 * and API refresh families alike). A caller that keeps someone signed in starts a new
 * family afterwards, in the same transaction.
 */
export async function setPassword(
  tx: Prisma.TransactionClient, userId: string, passwordHash: string, reason: 'password-reset' | 'password-change',
): Promise<void> {
  const now = new Date()
  await tx.user.update({ where: { id: userId }, data: { passwordHash } })
  await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } })
  await tx.refreshTokenFamily.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } })
}
