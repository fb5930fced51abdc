import { handler } from '@/lib/shared/http/handler'
import { issueTokenPair } from '@/lib/shared/auth/issue-token-pair'
import { rotateRefreshToken } from '@/lib/shared/auth/refresh-tokens'
import { RefreshSchema } from '@/lib/shared/validation/auth'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Spends a refresh token and returns a new pair; a reused token revokes its family (401). */
export const POST = handler(
  { auth: 'none', body: RefreshSchema, rateLimit: { name: 'refresh', limit: 60, windowMs: 60_000 } },
  async ({ body }) => {
    const r = await rotateRefreshToken(body.refreshToken)
    return issueTokenPair(r.userId, r.familyId, r.refreshToken, r.expiresAt)
  },
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
