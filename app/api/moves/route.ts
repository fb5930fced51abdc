import { handler, json } from '@/lib/shared/http/handler'
import { ingestMove } from '@/lib/services/moves/ingest-move'
import { listMoves } from '@/lib/services/moves/list-moves'
import { receiveMultipartFile } from '@/lib/shared/http/receive-multipart-file'
import { MoveListQuerySchema } from '@/lib/shared/validation/moves'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({ query: MoveListQuerySchema }, async ({ user, query }) => listMoves(user, query))

/** multipart/form-data: clip (video ≤ 200 MB, ≤ 60 s) + annotation (JSON string). Instructors and admins.
 * 201 {move, clipTiming, warnings}: the timing of the clip's own music and the annotation fields it contradicts. */
export const POST = handler(
  { roles: ['INSTRUCTOR', 'ADMIN'], rateLimit: { name: 'move-ingest', limit: 20, windowMs: 60_000 } },
  async ({ req, user }) => {
    const file = await receiveMultipartFile(req, { fileField: 'clip', maxBytes: 200 * 1024 * 1024, maxFieldBytes: 16 * 1024 })
    try {
      return json(await ingestMove(user, file), 201)
    } finally {
      await file.cleanup()
    }
  },
)

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST'])
