import { readStats } from '@/lib/services/admin/read-stats'
import { handler } from '@/lib/shared/http/handler'

export const GET = handler({ roles: ['INSTRUCTOR', 'ADMIN'] }, async ({ user }) => ({ stats: await readStats(user.id) }))
