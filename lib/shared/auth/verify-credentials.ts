import { getDb } from '@/lib/shared/db'
import { getDummyHash, verifyPassword } from '@/lib/shared/auth/password'
import type { PublicUser } from './load-session-user'

/** Returns the user for a correct email+password, else null. Unknown emails still pay for
 * one hash verification so timing does not reveal who has an account. */
export async function verifyCredentials(email: string, password: string): Promise<PublicUser | null> {
  const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() } })
  if (!user) {
    await verifyPassword(await getDummyHash(), password)
    return null
  }
  const ok = await verifyPassword(user.passwordHash, password)
  if (!ok || user.disabled) return null
  return { id: user.id, email: user.email, name: user.name, role: user.role }
}
