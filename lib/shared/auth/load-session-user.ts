import { getDb } from '@/lib/shared/db'
/** What the app tells about a user: never the password hash or the disabled flag. */
export type PublicUser = { id: string; email: string; name: string; role: 'USER' | 'INSTRUCTOR' | 'ADMIN' }

export type SessionUser = PublicUser & { familyId: string }

/**
 * The user behind a token, read fresh from the database on every request: a role change,
 * a disabled account or a revoked sign-in takes effect immediately, not when a token expires.
 */
export async function loadSessionUser(userId: string, familyId: string): Promise<SessionUser | null> {
  const family = await getDb().refreshTokenFamily.findUnique({
    where: { id: familyId },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  })
  if (!family || family.userId !== userId || family.revokedAt || family.expiresAt <= new Date()) return null
  if (family.user.disabled) return null
  const { disabled: _disabled, ...user } = family.user
  return { ...user, familyId }
}
