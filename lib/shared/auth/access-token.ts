import { SignJWT, errors as joseErrors, jwtVerify } from 'jose'
import { LRUCache } from 'lru-cache'
import { AppError } from '@/lib/shared/errors'
import { getEnv } from '@/lib/shared/env'
import { deriveKey } from './secrets'

const ISSUER = 'bachata-buddy'
const AUDIENCE = 'bachata-buddy-api'

export interface AccessClaims {
  userId: string
  familyId: string
}

/** A short-lived (15 min by default) HS256 JWT for bearer clients. */
export async function issueAccessToken(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
  const ttl = getEnv().ACCESS_TOKEN_TTL_SECONDS
  const now = Math.floor(Date.now() / 1000)
  const token = await new SignJWT({ fam: claims.familyId, typ: 'access' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .sign(deriveKey('access-token'))
  return { token, expiresAt: new Date((now + ttl) * 1000) }
}

// Tokens this process has verified, until they expire: a polling client sends the same token
// every second, and its signature check (webcrypto, async) was a sixteenth of a status read's
// CPU. Keyed by the whole token, so only that exact string, already verified, hits.
const VERIFIED = new LRUCache<string, AccessClaims & { expiresAtMs: number }>({ max: 10_000 })

export async function verifyAccessToken(token: string): Promise<AccessClaims> {
  const known = VERIFIED.get(token)
  if (known) {
    if (known.expiresAtMs <= Date.now()) {
      VERIFIED.delete(token)
      throw AppError.unauthenticated('Access token expired')
    }
    return { userId: known.userId, familyId: known.familyId }
  }
  try {
    const { payload } = await jwtVerify(token, deriveKey('access-token'), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    })
    if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.fam !== 'string') {
      throw AppError.unauthenticated('Invalid access token')
    }
    const claims = { userId: payload.sub, familyId: payload.fam }
    if (typeof payload.exp === 'number') VERIFIED.set(token, { ...claims, expiresAtMs: payload.exp * 1000 })
    return claims
  } catch (e) {
    if (e instanceof AppError) throw e
    if (e instanceof joseErrors.JWTExpired) throw AppError.unauthenticated('Access token expired')
    throw AppError.unauthenticated('Invalid access token')
  }
}
