import { z } from 'zod'
import { updateUser } from '@/lib/services/admin/manage-users'
import { handler } from '@/lib/shared/http/handler'
import { AdminUpdateUserSchema } from '@/lib/shared/validation/auth'
import { otherMethods } from '@/lib/shared/http/other-methods'

const Params = z.object({ id: z.string().min(1).max(64) })

export const PATCH = handler(
  { roles: ['ADMIN'], params: Params, body: AdminUpdateUserSchema },
  async ({ user, params, body }) => ({ user: await updateUser(user.id, params.id, body) }),
)

export const { GET, POST, PUT, DELETE, OPTIONS } = otherMethods(['PATCH'])
