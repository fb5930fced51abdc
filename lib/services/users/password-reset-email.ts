import type { MailMessage } from '@/lib/shared/mail/mail-message'
import { RESET_TOKEN_TTL_MS } from '@/lib/shared/auth/password-reset-token'

/** Plain text on purpose: it reads the same in every client and cannot hide the link. */
export function passwordResetEmail(o: { to: string; name: string; link: string }): MailMessage {
  const minutes = RESET_TOKEN_TTL_MS / 60_000
  return {
    to: o.to,
    subject: 'Reset your Bachata Buddy password',
    text: [
      `Hi ${o.name},`,
      '',
      'Someone (hopefully you) asked to reset the password of your Bachata Buddy account.',
      `Open this link within ${minutes} minutes to choose a new one. It works once:`,
      '',
      o.link,
      '',
      'If you did not ask, ignore this message: your password stays as it is.',
      'Setting a new password signs you out everywhere.',
    ].join('\n'),
  }
}
