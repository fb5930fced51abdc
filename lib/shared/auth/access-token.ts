import { SignJWT, errors as joseErrors, jwtVerify } from 'jose'
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

export async function verifyAccessToken(token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, deriveKey('access-token'), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    })
    if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.fam !== 'string') {
      throw AppError.unauthenticated('Invalid access token')
    }
    return { userId: payload.sub, familyId: payload.fam }
  } catch (e) {
    if (e instanceof AppError) throw e
    if (e instanceof joseErrors.JWTExpired) throw AppError.unauthenticated('Access token expired')
    throw AppError.unauthenticated('Invalid access token')
  }
}
