import { AppError } from '@/lib/errors'
import { authAttemptsPerMinute } from '@/lib/http/rate-limit'
import { handler } from '@/lib/http/handler'
import { issueTokenPair } from '@/lib/auth/issue-token-pair'
import { createRefreshFamily } from '@/lib/auth/refresh-tokens'
import { verifyCredentials } from '@/lib/users/verify-credentials'
import { CredentialsSchema } from '@/lib/validation/auth'

/** Bearer sign-in for non-browser clients: email + password → access + refresh token. */
export const POST = handler(
  {
    auth: 'none',
    body: CredentialsSchema,
    rateLimit: { name: 'login', limit: authAttemptsPerMinute, windowMs: 60_000, key: ({ ip, body }) => `${ip}:${body.email}` },
  },
  async ({ body }) => {
    const user = await verifyCredentials(body.email, body.password)
    if (!user) throw AppError.unauthenticated('Wrong email or password')
    const family = await createRefreshFamily(user.id, 'api')
    return { user, ...(await issueTokenPair(user.id, family.familyId, family.refreshToken, family.expiresAt)) }
  },
)
