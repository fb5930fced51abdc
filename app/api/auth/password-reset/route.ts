import { after } from 'next/server'
import { handler, json } from '@/lib/shared/http/handler'
import { logger } from '@/lib/shared/logger'
import { RESET_REQUESTED, requestPasswordReset } from '@/lib/services/users/request-password-reset'
import { PasswordResetRequestSchema } from '@/lib/shared/validation/auth'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** The same answer, at the same speed, for every email: the lookup and the mail run after
 * the response (no account enumeration). Rate limited per IP + email against mail bombing. */
export const POST = handler(
  {
    auth: 'none',
    body: PasswordResetRequestSchema,
    rateLimit: { name: 'password-reset', limit: 5, windowMs: 15 * 60_000, key: ({ ip, body }) => `${ip}:${body.email}` },
  },
  async ({ body, requestId }) => {
    after(() => requestPasswordReset(body.email).catch((e) => logger.error({ err: e, requestId }, 'password reset mail failed')))
    return json({ message: RESET_REQUESTED }, 202)
  },
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
