import { handler } from '@/lib/shared/http/handler'
import { getInstructorProfile, saveInstructorProfile } from '@/lib/services/users/instructor-profile'
import { InstructorProfileSchema } from '@/lib/shared/validation/instructor-profile'

const roles = ['INSTRUCTOR' as const, 'ADMIN' as const]

export const GET = handler({ roles }, async ({ user }) => ({ profile: await getInstructorProfile(user.id) }))

export const PUT = handler({ roles, body: InstructorProfileSchema }, async ({ user, body }) => ({
  profile: await saveInstructorProfile(user.id, body),
}))
