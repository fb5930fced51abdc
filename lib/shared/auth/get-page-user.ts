import { decode } from 'next-auth/jwt'
import { cookies } from 'next/headers'
import { cache } from 'react'
import { authSecret } from '@/lib/shared/env'
import { loadSessionUser, type SessionUser } from '@/lib/shared/auth/load-session-user'
import { sessionCookieName } from './session-cookie'

/** The signed-in user for a server component, or null: the same checks as the API wrapper
 * (cookie decrypts, the sign-in family is alive, the account is enabled). Our session JWT is
 * small, so next-auth never splits it into chunked cookies. */
export const getPageUser = cache(readPageUser)

/* cache(): the layout, the header and the page of one request all ask; one lookup answers them. */
async function readPageUser(): Promise<SessionUser | null> {
  const jar = await cookies() // first: marks the page dynamic before any env is read
  const raw = jar.get(sessionCookieName())?.value
  if (!raw) return null
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null)
  if (!token?.uid || !token.fid) return null
  return loadSessionUser(String(token.uid), String(token.fid))
}
