import { handler } from '@/lib/http/handler'
import { issueTokenPair } from '@/lib/auth/issue-token-pair'
import { rotateRefreshToken } from '@/lib/auth/refresh-tokens'
import { RefreshSchema } from '@/lib/validation/auth'

/** Spends a refresh token and returns a new pair; a reused token revokes its family (401). */
export const POST = handler(
  { auth: 'none', body: RefreshSchema, rateLimit: { name: 'refresh', limit: 60, windowMs: 60_000 } },
  async ({ body }) => {
    const r = await rotateRefreshToken(body.refreshToken)
    return issueTokenPair(r.userId, r.familyId, r.refreshToken, r.expiresAt)
  },
)
