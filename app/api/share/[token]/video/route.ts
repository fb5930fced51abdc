import { serveSharedMedia } from '@/lib/services/choreographies/share-links'
import { handler } from '@/lib/shared/http/handler'
import { ShareTokenParamsSchema } from '@/lib/shared/validation/choreographies'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const dynamic = 'force-dynamic'

/** A shared choreography's video, signed out, with byte ranges. Unknown or revoked: 404. */
export const GET = handler(
  { auth: 'none', params: ShareTokenParamsSchema, rateLimit: { name: 'shared-media', limit: 600, windowMs: 60_000 } },
  async ({ params, req }) => serveSharedMedia(params.token, {
    kind: 'video', range: req.headers.get('range'), ifNoneMatch: req.headers.get('if-none-match'), head: req.method === 'HEAD',
  }),
)

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
