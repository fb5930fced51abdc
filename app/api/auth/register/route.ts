import { authAttemptsPerMinute } from '@/lib/shared/http/rate-limit'
import { handler, json } from '@/lib/shared/http/handler'
import { registerUser } from '@/lib/services/users/register-user'
import { RegisterSchema } from '@/lib/shared/validation/auth'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const POST = handler(
  {
    auth: 'none',
    body: RegisterSchema,
    rateLimit: { name: 'register', limit: authAttemptsPerMinute, windowMs: 60_000, key: ({ ip, body }) => `${ip}:${body.email}` },
  },
  async ({ body }) => json({ user: await registerUser(body) }, 201),
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
