import { readRequest } from '@/lib/services/choreographies/read-request'
import { handler } from '@/lib/shared/http/handler'
import { ParseRequestSchema } from '@/lib/shared/validation/choreographies'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** The params a request text parses to (the generate page's chips). */
export const POST = handler(
  { body: ParseRequestSchema, rateLimit: { name: 'parse-request', limit: 60, windowMs: 60_000 } },
  async ({ body }) => readRequest(body.text),
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
