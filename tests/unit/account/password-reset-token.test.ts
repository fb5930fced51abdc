import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  hashResetToken, newPasswordResetToken, RESET_TOKEN_PATTERN, RESET_TOKEN_TTL_MS, resetLink, resetTokenProblem,
} from '@/lib/shared/auth/password-reset-token'
import { PasswordResetSchema, RegisterSchema } from '@/lib/shared/validation/auth'

describe('password reset tokens', () => {
  it('are 32 random bytes, never repeat, and are stored only as their SHA-256', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const t = newPasswordResetToken()
      expect(t.token).toMatch(RESET_TOKEN_PATTERN)
      expect(Buffer.from(t.token.slice(3), 'base64url')).toHaveLength(32)
      expect(t.tokenHash).toBe(createHash('sha256').update(t.token).digest('hex'))
      expect(t.tokenHash).not.toContain(t.token.slice(3))
      expect(hashResetToken(t.token)).toBe(t.tokenHash)
      seen.add(t.token)
    }
    expect(seen.size).toBe(200)
  })

  it('expire 30 minutes after they are made', () => {
    const now = new Date('2026-12-03T12:00:00Z')
    expect(RESET_TOKEN_TTL_MS).toBe(30 * 60_000)
    expect(newPasswordResetToken(now).expiresAt.toISOString()).toBe('2026-12-03T12:30:00.000Z')
  })

  it('are refused when unknown, used, expired or the account is disabled', () => {
    const now = new Date('2026-12-03T12:00:00Z')
    const live = { usedAt: null, expiresAt: new Date('2026-12-03T12:10:00Z'), user: { disabled: false } }
    expect(resetTokenProblem(live, now)).toBeNull()
    expect(resetTokenProblem(null, now)).toBe('unknown')
    expect(resetTokenProblem({ ...live, usedAt: new Date('2026-12-03T11:59:00Z') }, now)).toBe('used')
    expect(resetTokenProblem({ ...live, expiresAt: now }, now)).toBe('expired')
    expect(resetTokenProblem({ ...live, expiresAt: new Date('2026-12-03T11:00:00Z') }, now)).toBe('expired')
    expect(resetTokenProblem({ ...live, user: { disabled: true } }, now)).toBe('disabled')
  })

  it('travel in the link fragment, which browsers do not send to servers', () => {
    const { token } = newPasswordResetToken()
    const url = new URL(resetLink('https://bachata.example/', token))
    expect(url.origin).toBe('https://bachata.example')
    expect(url.pathname).toBe('/reset-password')
    expect(url.search).toBe('')
    expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token)
  })

  it('set a new password under the same rules as sign-up', () => {
    const { token } = newPasswordResetToken()
    for (const password of ['short', 'x'.repeat(201), 'long-enough-pass']) {
      const atSignUp = RegisterSchema.safeParse({ email: 'a@b.co', name: 'A', password }).success
      expect(PasswordResetSchema.safeParse({ token, password }).success).toBe(atSignUp)
    }
    expect(PasswordResetSchema.safeParse({ token: 'rt_notareset', password: 'long-enough-pass' }).success).toBe(false)
  })
})
