import { handler } from '@/lib/http/handler'
import { getProfile, updateMe } from '@/lib/users/update-me'
import { UpdateMeSchema } from '@/lib/validation/auth'

export const GET = handler({}, async ({ user }) => ({ user: await getProfile(user.id) }))

export const PATCH = handler({ body: UpdateMeSchema }, async ({ user, body }) => ({ user: await updateMe(user.id, body) }))
