import { z } from 'zod'
import { handler } from '@/lib/shared/http/handler'
import { disableMove, editMove } from '@/lib/services/moves/edit-move'
import { getMove } from '@/lib/services/moves/list-moves'
import { MoveIdParamsSchema } from '@/lib/shared/validation/moves'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({ params: MoveIdParamsSchema }, async ({ user, params }) => ({ move: await getMove(user, params.id) }))

export const PATCH = handler(
  { roles: ['INSTRUCTOR', 'ADMIN'], params: MoveIdParamsSchema, body: z.record(z.string(), z.unknown()), maxBodyBytes: 32 * 1024 },
  async ({ user, params, body }) => ({ move: await editMove(user, params.id, body) }),
)

export const DELETE = handler(
  { roles: ['INSTRUCTOR', 'ADMIN'], params: MoveIdParamsSchema },
  async ({ user, params }) => disableMove(user, params.id),
)

export const { POST, PUT, OPTIONS } = otherMethods(['GET', 'PATCH', 'DELETE'])
