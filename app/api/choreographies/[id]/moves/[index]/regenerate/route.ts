import { regenerateChoreographyMove } from '@/lib/services/choreographies/manage-choreography'
import { handler } from '@/lib/shared/http/handler'
import { MoveIndexParamsSchema } from '@/lib/shared/validation/choreographies'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const POST = handler(
  { params: MoveIndexParamsSchema, rateLimit: { name: 'regenerate', limit: 30, windowMs: 60_000 } },
  async ({ user, params }) => ({ task: await regenerateChoreographyMove(user, params.id, params.index) }),
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
