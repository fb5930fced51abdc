import { z } from 'zod'
import { listUsers } from '@/lib/services/admin/manage-users'
import { handler } from '@/lib/shared/http/handler'
import { RoleSchema } from '@/lib/shared/validation/auth'
import { PaginationSchema } from '@/lib/shared/validation/pagination'
import { otherMethods } from '@/lib/shared/http/other-methods'

const Query = PaginationSchema.extend({ q: z.string().trim().max(100).optional(), role: RoleSchema.optional() })

export const GET = handler({ roles: ['ADMIN'], query: Query }, async ({ query }) => listUsers(query))

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
