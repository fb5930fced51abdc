import { MediaQuerySchema, wantsDownload } from '@/lib/shared/validation/media-query'
import { serveTaskMedia } from '@/lib/services/choreographies/serve-task-media'
import { handler } from '@/lib/shared/http/handler'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const dynamic = 'force-dynamic'

/** The poster frame (JPEG) of the rendered video, for the owner only. */
export const GET = handler({ params: IdParamsSchema, query: MediaQuerySchema }, async ({ user, params, query, req }) =>
  serveTaskMedia(user, params.id, {
    kind: 'poster', download: wantsDownload(query),
    range: req.headers.get('range'), ifNoneMatch: req.headers.get('if-none-match'), head: req.method === 'HEAD',
  }),
)

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
