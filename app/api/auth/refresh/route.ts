import { handler } from '@/lib/shared/http/handler'
import { issueTokenPair } from '@/lib/shared/auth/issue-token-pair'
import { findRefreshToken, rotateRefreshToken } from '@/lib/shared/auth/refresh-tokens'
import { RefreshSchema } from '@/lib/shared/validation/auth'
import { consumeRateLimit } from '@/lib/shared/http/rate-limit'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Spends a refresh token and returns a new pair; a reused token revokes its family (401).
 * The token is looked up once: its family keys the limit, and the row goes on to the rotation. */
export const POST = handler(
  { auth: 'none', body: RefreshSchema },
  async ({ body, ip }) => {
    const presented = await findRefreshToken(body.refreshToken)
    // Per sign-in, not per address (behind one NAT every user shares an address); tokens we
    // never issued are limited per address, so guessing is still slowed.
    await consumeRateLimit('refresh', presented?.familyId ?? `unknown:${ip}`, 60, 60_000)
    const r = await rotateRefreshToken(body.refreshToken, presented)
    return issueTokenPair(r.userId, r.familyId, r.refreshToken, r.expiresAt)
  },
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
