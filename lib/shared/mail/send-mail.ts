import nodemailer, { type Transporter } from 'nodemailer'
import { getEnv, type Env } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import { devMailboxEnabled, keepInDevOutbox } from './dev-outbox'
import type { MailMessage } from './mail-message'

type MailEnv = Pick<Env, 'NODE_ENV' | 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_SECURE' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'MAIL_FROM'>

// One pooled transport per SMTP configuration: a connection is reused across messages.
const transports = new Map<string, Transporter>()

function transportFor(env: MailEnv): Transporter {
  const key = [env.SMTP_HOST, env.SMTP_PORT, env.SMTP_SECURE, env.SMTP_USER].join('|')
  let t = transports.get(key)
  if (!t) {
    t = nodemailer.createTransport({
      host: env.SMTP_HOST, port: env.SMTP_PORT, secure: env.SMTP_SECURE, pool: true,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
    })
    transports.set(key, t)
  }
  return t
}

/**
 * Sends through SMTP when SMTP_HOST is set. Outside production every message is also kept
 * for the local mailbox page, and without SMTP its text (links included) goes to the log so
 * the demo works with no mail server. In production without SMTP nothing is sent and the
 * log says so, without the message: it may hold a secret link.
 */
export async function sendMail(message: MailMessage, env: MailEnv = getEnv()): Promise<'smtp' | 'dev-outbox' | 'dropped'> {
  const dev = devMailboxEnabled(env.NODE_ENV)
  if (dev) keepInDevOutbox(message)
  if (env.SMTP_HOST) {
    await transportFor(env).sendMail({ from: env.MAIL_FROM, ...message })
    return 'smtp'
  }
  if (dev) {
    logger.info({ to: message.to, subject: message.subject, mailText: message.text }, 'mail not sent (no SMTP_HOST): kept at /dev/mailbox')
    return 'dev-outbox'
  }
  logger.error({ subject: message.subject }, 'mail not sent: SMTP_HOST is not set')
  return 'dropped'
}

/** Closes pooled connections (tests, shutdown). */
export function closeMailTransports(): void {
  for (const t of transports.values()) t.close()
  transports.clear()
}
