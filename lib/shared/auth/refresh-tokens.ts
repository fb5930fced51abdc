import { randomBytes } from 'node:crypto'
import { getDb, type Prisma } from '@/lib/shared/db'
import { getEnv } from '@/lib/shared/env'
import { AppError } from '@/lib/shared/errors'
import { logger } from '@/lib/shared/logger'
import { sha256Hex } from './secrets'

/**
 * Refresh tokens with rotation and theft detection. Every sign-in starts a family; each
 * refresh spends the presented token and issues the next one in the same family. A token
 * presented a second time means two parties hold it, so the whole family is revoked and
 * everyone must sign in again. Only sha256 hashes are stored.
 */
export type FamilyKind = 'api' | 'browser'

function newRawToken(): string {
  return `rt_${randomBytes(32).toString('base64url')}`
}

function expiry(): Date {
  return new Date(Date.now() + getEnv().REFRESH_TOKEN_TTL_SECONDS * 1000)
}

/** `db` lets a caller start the family inside its own transaction (password change). */
export async function createRefreshFamily(userId: string, kind: FamilyKind, db: Prisma.TransactionClient = getDb()) {
  const raw = newRawToken()
  const expiresAt = expiry()
  const family = await db.refreshTokenFamily.create({
    data: { userId, kind, expiresAt, tokens: { create: { tokenHash: sha256Hex(raw), expiresAt } } },
  })
  return { familyId: family.id, refreshToken: raw, expiresAt }
}

export async function revokeRefreshFamily(familyId: string, reason: string): Promise<void> {
  await getDb().refreshTokenFamily.updateMany({
    where: { id: familyId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  })
}

type Outcome =
  | { ok: true; userId: string; familyId: string; refreshToken: string; expiresAt: Date }
  | { ok: false; message: string; revokeFamily?: string }

export async function rotateRefreshToken(raw: string): Promise<{ userId: string; familyId: string; refreshToken: string; expiresAt: Date }> {
  const db = getDb()
  const now = new Date()
  const outcome: Outcome = await db.$transaction(async (tx) => {
    const row = await tx.refreshToken.findUnique({ where: { tokenHash: sha256Hex(raw) }, include: { family: true } })
    if (!row) return { ok: false, message: 'Invalid refresh token' }
    if (row.family.revokedAt) return { ok: false, message: 'Refresh token revoked' }
    if (row.usedAt) return { ok: false, message: 'Refresh token reuse detected: this sign-in was revoked', revokeFamily: row.familyId }
    if (row.expiresAt <= now || row.family.expiresAt <= now) return { ok: false, message: 'Refresh token expired' }
    // Spend it atomically: a concurrent request with the same token finds nothing to update.
    const spent = await tx.refreshToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } })
    if (spent.count !== 1) return { ok: false, message: 'Refresh token reuse detected: this sign-in was revoked', revokeFamily: row.familyId }
    const next = newRawToken()
    const expiresAt = expiry()
    await tx.refreshToken.create({ data: { familyId: row.familyId, tokenHash: sha256Hex(next), expiresAt } })
    await tx.refreshTokenFamily.update({ where: { id: row.familyId }, data: { expiresAt } })
    return { ok: true, userId: row.family.userId, familyId: row.familyId, refreshToken: next, expiresAt }
  })
  if (!outcome.ok) {
    if (outcome.revokeFamily) {
      // Outside the transaction so the revocation commits even though the request fails.
      await revokeRefreshFamily(outcome.revokeFamily, 'reuse')
      logger.warn({ familyId: outcome.revokeFamily }, 'refresh token reuse: family revoked')
    }
    throw AppError.unauthenticated(outcome.message)
  }
  return outcome
}

export async function revokeFamilyOfRefreshToken(raw: string): Promise<boolean> {
  const row = await getDb().refreshToken.findUnique({ where: { tokenHash: sha256Hex(raw) } })
  if (!row) return false
  await revokeRefreshFamily(row.familyId, 'logout')
  return true
}

/** The sign-in (family) a refresh token belongs to, or null for a token we never issued:
 * refreshes are rate limited per family, so no address can spend everyone's quota. */
export async function refreshFamilyOf(raw: string): Promise<string | null> {
  const row = await getDb().refreshToken.findUnique({ where: { tokenHash: sha256Hex(raw) }, select: { familyId: true } })
  return row?.familyId ?? null
}
