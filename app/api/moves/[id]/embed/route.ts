import { handler } from '@/lib/shared/http/handler'
import { reembedMove } from '@/lib/services/moves/reembed-move'
import { MoveIdParamsSchema } from '@/lib/shared/validation/moves'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Re-embeds one move now → {id, embedderId, dims, indexed, ms}. Its instructor, or an admin. */
export const POST = handler(
  { roles: ['INSTRUCTOR', 'ADMIN'], params: MoveIdParamsSchema, rateLimit: { name: 'move-embed', limit: 60, windowMs: 60_000 } },
  async ({ user, params }) => reembedMove(user, params.id),
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
