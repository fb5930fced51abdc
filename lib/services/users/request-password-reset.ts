import { getDb } from '@/lib/shared/db'
import { getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import { newPasswordResetToken, resetLink } from '@/lib/shared/auth/password-reset-token'
import { sendMail } from '@/lib/shared/mail/send-mail'
import { passwordResetEmail } from './password-reset-email'

export const RESET_REQUESTED = 'If an account uses that email, a link to reset its password is on its way. It works for 30 minutes.'

/**
 * Mails a reset link when the email belongs to an enabled account; otherwise does nothing.
 * The route answers before this runs (next/server `after`), so neither the answer nor its
 * timing tells whether the account exists. One live link per account: a new request spends
 * the older ones.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  const db = getDb()
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabled: true } })
  if (!user || user.disabled) return
  const { token, tokenHash, expiresAt } = newPasswordResetToken()
  await db.$transaction([
    db.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } }),
    db.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt } }),
  ])
  const via = await sendMail(passwordResetEmail({ to: user.email, name: user.name, link: resetLink(getEnv().APP_URL, token) }))
  logger.info({ userId: user.id, via }, 'password reset mail')
}
