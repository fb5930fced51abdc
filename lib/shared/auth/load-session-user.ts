import { preparedQuery, type PreparedStatement } from '@/lib/shared/prepared-query'
import { readCachedSession, sessionCacheEpoch, storeCachedSession } from './session-cache'
/** What the app tells about a user: never the password hash or the disabled flag. */
export type PublicUser = { id: string; email: string; name: string; role: 'USER' | 'INSTRUCTOR' | 'ADMIN' }

export type SessionUser = PublicUser & { familyId: string }

type SessionRow = PublicUser & { userId: string; revokedAt: Date | null; expiresAt: Date; disabled: boolean }

/** The sign-in (refresh family) and its user in one read: a prepared statement, not the ORM,
 * because it runs on every request the session cache misses (lib/shared/prepared-query.ts). */
const SESSION_USER: PreparedStatement = {
  name: 'session-user',
  text: `SELECT f."userId", f."revokedAt", f."expiresAt", u.id, u.email, u.name, u.role, u.disabled
    FROM "RefreshTokenFamily" f JOIN "User" u ON u.id = f."userId" WHERE f.id = $1`,
}

/**
 * The user behind a token, checked against the database: a role change, a disabled account or
 * a revoked sign-in takes effect immediately in this process (the cache is cleared by those
 * changes) and within SESSION_CACHE_SECONDS on other instances.
 */
export async function loadSessionUser(userId: string, familyId: string): Promise<SessionUser | null> {
  const cached = readCachedSession(userId, familyId)
  if (cached) return cached
  const epoch = sessionCacheEpoch()
  const [row] = await preparedQuery<SessionRow>(SESSION_USER, [familyId])
  if (!row || row.userId !== userId || row.revokedAt || row.expiresAt <= new Date()) return null
  if (row.disabled) return null
  const user: PublicUser = { id: row.id, email: row.email, name: row.name, role: row.role }
  const session = { ...user, familyId }
  storeCachedSession(epoch, { user: session, familyExpiresAt: row.expiresAt.getTime() })
  return session
}
