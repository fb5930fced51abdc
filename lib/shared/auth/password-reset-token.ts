import { randomBytes } from 'node:crypto'
import { sha256Hex } from './secrets'

/**
 * Password reset tokens: 32 random bytes, mailed once, stored only as SHA-256 (a database
 * leak opens no account), valid for 30 minutes and for one use.
 */
export const RESET_TOKEN_TTL_MS = 30 * 60_000
export const RESET_TOKEN_PATTERN = /^pr_[A-Za-z0-9_-]{43}$/

export function newPasswordResetToken(now = new Date()): { token: string; tokenHash: string; expiresAt: Date } {
  const token = `pr_${randomBytes(32).toString('base64url')}`
  return { token, tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) }
}

export const hashResetToken = (token: string) => sha256Hex(token)

export interface ResetTokenRow {
  usedAt: Date | null
  expiresAt: Date
  user: { disabled: boolean }
}

/** Why a stored token cannot reset a password now, or null when it can. */
export function resetTokenProblem(row: ResetTokenRow | null, now = new Date()): 'unknown' | 'used' | 'expired' | 'disabled' | null {
  if (!row) return 'unknown'
  if (row.usedAt) return 'used'
  if (row.expiresAt <= now) return 'expired'
  if (row.user.disabled) return 'disabled'
  return null
}

/** The link the mail carries. The token sits in the fragment, which browsers never send to a
 * server, so it cannot end up in an access log or a Referer header. */
export function resetLink(appUrl: string, token: string): string {
  return new URL(`/reset-password#token=${token}`, appUrl).toString()
}
