import { getDb } from '@/lib/shared/db'
import { readCachedSession, sessionCacheEpoch, storeCachedSession } from './session-cache'
/** What the app tells about a user: never the password hash or the disabled flag. */
export type PublicUser = { id: string; email: string; name: string; role: 'USER' | 'INSTRUCTOR' | 'ADMIN' }

export type SessionUser = PublicUser & { familyId: string }

/**
 * The user behind a token, checked against the database: a role change, a disabled account or
 * a revoked sign-in takes effect immediately in this process (the cache is cleared by those
 * changes) and within SESSION_CACHE_SECONDS on other instances.
 */
export async function loadSessionUser(userId: string, familyId: string): Promise<SessionUser | null> {
  const cached = readCachedSession(userId, familyId)
  if (cached) return cached
  const epoch = sessionCacheEpoch()
  const family = await getDb().refreshTokenFamily.findUnique({
    where: { id: familyId },
    select: { userId: true, revokedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  })
  if (!family || family.userId !== userId || family.revokedAt || family.expiresAt <= new Date()) return null
  if (family.user.disabled) return null
  const { disabled: _disabled, ...user } = family.user
  const session = { ...user, familyId }
  storeCachedSession(epoch, { user: session, familyExpiresAt: family.expiresAt.getTime() })
  return session
}
