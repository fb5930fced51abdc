import { handler } from '@/lib/shared/http/handler'
import { issueTokenPair } from '@/lib/shared/auth/issue-token-pair'
import { refreshFamilyOf, rotateRefreshToken } from '@/lib/shared/auth/refresh-tokens'
import { RefreshSchema } from '@/lib/shared/validation/auth'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Spends a refresh token and returns a new pair; a reused token revokes its family (401). */
export const POST = handler(
  {
    auth: 'none', body: RefreshSchema,
    // Per sign-in, not per address (behind one NAT every user shares an address); tokens we
    // never issued are limited per address, so guessing is still slowed.
    rateLimit: { name: 'refresh', limit: 60, windowMs: 60_000,
      key: async ({ ip, body }) => (await refreshFamilyOf(body.refreshToken)) ?? `unknown:${ip}` },
  },
  async ({ body }) => {
    const r = await rotateRefreshToken(body.refreshToken)
    return issueTokenPair(r.userId, r.familyId, r.refreshToken, r.expiresAt)
  },
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
