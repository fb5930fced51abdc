import { createHmac, randomBytes } from 'node:crypto'
import { getDb, type Prisma } from '@/lib/shared/db'
import { getEnv } from '@/lib/shared/env'
import { AppError } from '@/lib/shared/errors'
import { logger } from '@/lib/shared/logger'
import { deriveKey, sha256Hex } from './secrets'
import { forgetSessionFamily } from './session-cache'

/**
 * Refresh tokens with rotation and theft detection. Every sign-in starts a family; each
 * refresh spends the presented token and issues the next one in the same family. A token
 * presented a second time means two parties hold it, so the whole family is revoked and
 * everyone must sign in again. Only sha256 hashes are stored.
 *
 * Except just after a rotation: two requests of one client (two tabs, a retry after a lost
 * answer) may both present the token before either sees the new one. Within
 * REFRESH_GRACE_SECONDS of the spend, the spent token gets the same successor again, so
 * both end up holding one pair; after that, presenting it is reuse.
 */
export type FamilyKind = 'api' | 'browser'

export const REFRESH_GRACE_SECONDS = 20

function newRawToken(): string {
  return `rt_${randomBytes(32).toString('base64url')}`
}

/** A token's successor, derived with a server key rather than drawn at random: the grace
 * path can hand out the same one again without the raw token ever being stored. */
function successorOf(raw: string): string {
  return `rt_${createHmac('sha256', deriveKey('refresh-successor')).update(raw).digest('base64url')}`
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
  forgetSessionFamily(familyId)
}

type Outcome =
  | { ok: true; userId: string; familyId: string; refreshToken: string; expiresAt: Date }
  | { ok: false; message: string; revokeFamily?: string }

/** A presented refresh token's row and family, or null for one we never issued. Read once per
 * refresh: the route keys its rate limit on the family and hands the row to the rotation. */
export type PresentedRefreshToken = NonNullable<Awaited<ReturnType<typeof findRefreshToken>>>

export function findRefreshToken(raw: string) {
  return getDb().refreshToken.findUnique({ where: { tokenHash: sha256Hex(raw) }, include: { family: true } })
}

/** Spends `presented` (the row findRefreshToken read for `raw`) and returns the next token. */
export async function rotateRefreshToken(raw: string, presented: PresentedRefreshToken | null): Promise<{ userId: string; familyId: string; refreshToken: string; expiresAt: Date }> {
  const db = getDb()
  const now = new Date()
  const outcome: Outcome = await db.$transaction(async (tx) => {
    let row = presented
    if (!row) return { ok: false, message: 'Invalid refresh token' }
    if (row.family.revokedAt) return { ok: false, message: 'Refresh token revoked' }
    if (row.expiresAt <= now || row.family.expiresAt <= now) return { ok: false, message: 'Refresh token expired' }
    if (!row.usedAt) {
      // Spend it atomically, and only in a family still live (it may have been revoked since
      // the read): a concurrent request with the same token waits on this row, then finds it
      // spent and takes the grace path below.
      const spent = await tx.refreshToken.updateMany({ where: { id: row.id, usedAt: null, family: { revokedAt: null } }, data: { usedAt: now } })
      if (spent.count === 1) {
        const next = successorOf(raw)
        const expiresAt = expiry()
        await tx.refreshToken.create({ data: { familyId: row.familyId, tokenHash: sha256Hex(next), expiresAt } })
        await tx.refreshTokenFamily.update({ where: { id: row.familyId }, data: { expiresAt } })
        return { ok: true, userId: row.family.userId, familyId: row.familyId, refreshToken: next, expiresAt }
      }
      // Lost the race (or the family died meanwhile): read it again, as the winner left it.
      row = (await tx.refreshToken.findUnique({ where: { id: row.id }, include: { family: true } }))!
      if (row.family.revokedAt) return { ok: false, message: 'Refresh token revoked' }
    }
    // Already spent. Just now, and its successor not yet spent either: the same client again.
    const next = successorOf(raw)
    const successor = await tx.refreshToken.findUnique({ where: { tokenHash: sha256Hex(next) } })
    const withinGrace = row.usedAt !== null && now.getTime() - row.usedAt.getTime() <= REFRESH_GRACE_SECONDS * 1000
    if (withinGrace && successor && !successor.usedAt && successor.expiresAt > now) {
      return { ok: true, userId: row.family.userId, familyId: row.familyId, refreshToken: next, expiresAt: successor.expiresAt }
    }
    return { ok: false, message: 'Refresh token reuse detected: this sign-in was revoked', revokeFamily: row.familyId }
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
