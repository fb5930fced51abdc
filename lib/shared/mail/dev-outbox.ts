import type { MailMessage } from './mail-message'

/**
 * The last messages sent while NODE_ENV is not production, for the local mailbox page
 * (/dev/mailbox): a developer can finish a password reset without any mail server. Kept on
 * globalThis because Next may load this module once per route bundle in one process.
 */
const KEEP = 20
const store = globalThis as unknown as { __bbOutbox?: (MailMessage & { id: number; sentAt: Date })[]; __bbOutboxSeq?: number }

export function devMailboxEnabled(nodeEnv: string): boolean {
  return nodeEnv !== 'production'
}

export function keepInDevOutbox(message: MailMessage): void {
  const list = (store.__bbOutbox ??= [])
  store.__bbOutboxSeq = (store.__bbOutboxSeq ?? 0) + 1
  list.unshift({ ...message, id: store.__bbOutboxSeq, sentAt: new Date() })
  list.length = Math.min(list.length, KEEP)
}

/** Newest first. */
export function listDevOutbox(): readonly (MailMessage & { id: number; sentAt: Date })[] {
  return store.__bbOutbox ?? []
}
