import { readStats } from '@/lib/services/admin/read-stats'
import { handler } from '@/lib/shared/http/handler'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({ roles: ['INSTRUCTOR', 'ADMIN'] }, async ({ user }) => ({ stats: await readStats(user.id) }))

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
