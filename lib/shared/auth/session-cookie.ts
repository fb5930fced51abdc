import { encode } from 'next-auth/jwt'
import { authSecret, getEnv } from '@/lib/shared/env'

/** next-auth's session cookie name: `__Secure-` on https, as next-auth itself names it. */
export function sessionCookieName(): string {
  return `${getEnv().APP_URL.startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`
}

/**
 * A Set-Cookie value for a browser session on `familyId`, in the shape next-auth writes
 * (the same JWT claims, options and lifetime), for when the server replaces a sign-in
 * itself: after a password change the changing browser stays signed in on a new family.
 */
export async function sessionCookie(user: { id: string; name: string; email: string }, familyId: string): Promise<string> {
  const env = getEnv()
  const maxAge = env.REFRESH_TOKEN_TTL_SECONDS
  const value = await encode({ token: { name: user.name, email: user.email, sub: user.id, uid: user.id, fid: familyId }, secret: authSecret(), maxAge })
  const expires = new Date(Date.now() + maxAge * 1000).toUTCString()
  const secure = env.APP_URL.startsWith('https://') ? '; Secure' : ''
  return `${sessionCookieName()}=${value}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure}`
}
