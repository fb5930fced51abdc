import { serveMoveMedia } from '@/lib/services/moves/serve-move-media'
import { handler } from '@/lib/shared/http/handler'
import { mediaRequestOf } from '@/lib/shared/http/respond-with-object'
import { MoveIdParamsSchema, MoveMediaQuerySchema } from '@/lib/shared/validation/moves'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const dynamic = 'force-dynamic'

/** The move's poster frame (image/jpeg): library cards, and thumbnails wherever a move is shown. */
export const GET = handler({ params: MoveIdParamsSchema, query: MoveMediaQuerySchema }, async ({ user, params, query, req }) =>
  serveMoveMedia(user, params.id, { kind: 'poster', version: query.v, ...mediaRequestOf(req) }))

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
