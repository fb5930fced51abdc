import { AppError } from '@/lib/shared/errors'
import { limitSignIn } from '@/lib/shared/http/rate-limit'
import { handler } from '@/lib/shared/http/handler'
import { issueTokenPair } from '@/lib/shared/auth/issue-token-pair'
import { createRefreshFamily } from '@/lib/shared/auth/refresh-tokens'
import { verifyCredentials } from '@/lib/shared/auth/verify-credentials'
import { CredentialsSchema } from '@/lib/shared/validation/auth'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Bearer sign-in for non-browser clients: email + password → access + refresh token. */
export const POST = handler(
  {
    auth: 'none',
    body: CredentialsSchema,
  },
  async ({ body, ip }) => {
    await limitSignIn(ip, body.email)
    const user = await verifyCredentials(body.email, body.password)
    if (!user) throw AppError.unauthenticated('Wrong email or password')
    const family = await createRefreshFamily(user.id, 'api')
    return { user, ...(await issueTokenPair(user.id, family.familyId, family.refreshToken, family.expiresAt)) }
  },
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
