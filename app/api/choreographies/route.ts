import { createChoreography } from '@/lib/services/choreographies/create-choreography'
import { listChoreographies } from '@/lib/services/choreographies/list-choreographies'
import { handler, json } from '@/lib/shared/http/handler'
import { ChoreographyListQuerySchema, CreateChoreographySchema, IdempotencyKeySchema } from '@/lib/shared/validation/choreographies'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({ query: ChoreographyListQuerySchema }, async ({ user, query }) => listChoreographies(user, query))

/** 202: the task is queued with its blueprint; poll GET /api/choreographies/:id. */
export const POST = handler(
  { body: CreateChoreographySchema, rateLimit: { name: 'choreography', limit: 30, windowMs: 60_000 } },
  async ({ user, body, req }) => {
    const header = req.headers.get('idempotency-key')
    const key = header === null ? null : IdempotencyKeySchema.parse(header)
    const { task } = await createChoreography(user, body, key)
    return json({ id: task.id, status: task.status, task }, 202, { Location: `/api/choreographies/${task.id}` })
  },
)

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST'])
