import { streamTaskEvents } from '@/lib/services/choreographies/stream-task-events'
import { handler } from '@/lib/shared/http/handler'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const dynamic = 'force-dynamic'

/** Server-Sent Events: the task's state on every change until it is finished (see the service). */
export const GET = handler(
  { params: IdParamsSchema, rateLimit: { name: 'task-events', limit: 120, windowMs: 60_000 } },
  async ({ user, params, req }) => streamTaskEvents(user, params.id, { signal: req.signal }),
)

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
