import { handler } from '@/lib/shared/http/handler'
import { getProfile, updateMe } from '@/lib/services/users/update-me'
import { UpdateMeSchema } from '@/lib/shared/validation/auth'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({}, async ({ user }) => ({ user: await getProfile(user.id) }))

export const PATCH = handler({ body: UpdateMeSchema }, async ({ user, body }) => ({ user: await updateMe(user.id, body) }))

export const { POST, PUT, DELETE, OPTIONS } = otherMethods(['GET', 'PATCH'])
