import { getToken } from 'next-auth/jwt'
import type { NextRequest } from 'next/server'
import { authSecret, getEnv } from '@/lib/shared/env'
import { AppError } from '@/lib/shared/errors'
import { loadSessionUser, type SessionUser } from '@/lib/shared/auth/load-session-user'
import { verifyAccessToken } from './access-token'

export type AuthMethod = 'bearer' | 'cookie'

/**
 * Who is calling: a bearer access token (API clients) or the next-auth session cookie
 * (browser). A malformed or expired bearer token is an error, not an anonymous request,
 * so clients learn to refresh.
 */
export async function authenticateRequest(req: NextRequest): Promise<{ user: SessionUser; method: AuthMethod } | null> {
  const header = req.headers.get('authorization')
  if (header) {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(header)
    if (!match) throw AppError.unauthenticated('Malformed Authorization header')
    const claims = await verifyAccessToken(match[1])
    const user = await loadSessionUser(claims.userId, claims.familyId)
    if (!user) throw AppError.unauthenticated('Session revoked or account disabled')
    return { user, method: 'bearer' }
  }
  const env = getEnv()
  const token = await getToken({ req, secret: authSecret(), secureCookie: env.APP_URL.startsWith('https://') })
  if (!token?.uid || !token.fid) return null
  const user = await loadSessionUser(String(token.uid), String(token.fid))
  return user ? { user, method: 'cookie' } : null
}
