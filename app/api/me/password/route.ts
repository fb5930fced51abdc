import { authAttemptsPerMinute } from '@/lib/shared/http/rate-limit'
import { handler, json } from '@/lib/shared/http/handler'
import { issueTokenPair } from '@/lib/shared/auth/issue-token-pair'
import { sessionCookie } from '@/lib/shared/auth/session-cookie'
import { changePassword } from '@/lib/services/users/change-password'
import { ChangePasswordSchema } from '@/lib/shared/validation/auth'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Current + new password. Every sign-in is revoked; the caller continues on a new one: a
 * new session cookie for the browser, a new token pair for an API client. */
export const POST = handler(
  { body: ChangePasswordSchema, rateLimit: { name: 'change-password', limit: authAttemptsPerMinute, windowMs: 60_000 } },
  async ({ user, body, authMethod }) => {
    const cookie = authMethod === 'cookie'
    const fresh = await changePassword(user, body, cookie ? 'browser' : 'api')
    if (cookie) return json({ changed: true }, 200, { 'set-cookie': await sessionCookie(user, fresh.familyId) })
    return { changed: true, ...(await issueTokenPair(user.id, fresh.familyId, fresh.refreshToken, fresh.expiresAt)) }
  },
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
