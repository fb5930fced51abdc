import { forbidden, redirect } from 'next/navigation'
import { getPageUser } from '@/lib/shared/auth/get-page-user'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'

type Role = SessionUser['role']

/** The signed-in user of a server page when their role is one of `roles`. Signed out goes to
 * sign-in (and back to `returnTo` afterwards); signed in with another role gets the 403 page.
 * Checked on the server for every page: hiding a menu entry protects nothing. */
export async function requirePageRole(roles: readonly Role[], returnTo: string): Promise<SessionUser> {
  const user = await getPageUser()
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`)
  if (!roles.includes(user.role)) forbidden()
  return user
}

export const STAFF_ROLES = ['INSTRUCTOR', 'ADMIN'] as const satisfies readonly Role[]
