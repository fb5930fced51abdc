import { handler } from '@/lib/shared/http/handler'
import { getInstructorProfile, saveInstructorProfile } from '@/lib/services/users/instructor-profile'
import { InstructorProfileSchema } from '@/lib/shared/validation/instructor-profile'
import { otherMethods } from '@/lib/shared/http/other-methods'

const roles = ['INSTRUCTOR' as const, 'ADMIN' as const]

export const GET = handler({ roles }, async ({ user }) => ({ profile: await getInstructorProfile(user.id) }))

export const PUT = handler({ roles, body: InstructorProfileSchema }, async ({ user, body }) => ({
  profile: await saveInstructorProfile(user.id, body),
}))

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'PUT'])
