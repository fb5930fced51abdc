import { handler } from '@/lib/shared/http/handler'
import { resetPassword } from '@/lib/services/users/reset-password'
import { PasswordResetSchema } from '@/lib/shared/validation/auth'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Token from the mailed link + a new password → set, and every sign-in revoked. */
export const POST = handler(
  { auth: 'none', body: PasswordResetSchema, rateLimit: { name: 'password-reset-confirm', limit: 10, windowMs: 60_000 } },
  async ({ body }) => {
    await resetPassword(body)
    return { reset: true }
  },
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
