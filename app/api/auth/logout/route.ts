import { z } from 'zod'
import { handler } from '@/lib/shared/http/handler'
import { revokeFamilyOfRefreshToken, revokeRefreshFamily } from '@/lib/shared/auth/refresh-tokens'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Revokes the caller's sign-in (bearer access token) or the family of a refresh token. */
export const POST = handler(
  { auth: 'optional', body: z.object({ refreshToken: z.string().min(20).max(200).optional() }).strict().optional() },
  async ({ user, body }) => {
    let revoked = false
    if (user) {
      await revokeRefreshFamily(user.familyId, 'logout')
      revoked = true
    } else if (body?.refreshToken) {
      revoked = await revokeFamilyOfRefreshToken(body.refreshToken)
    }
    return { revoked }
  },
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
