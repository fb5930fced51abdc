import { getChoreographyStatus } from '@/lib/services/choreographies/manage-choreography'
import { handler } from '@/lib/shared/http/handler'
import { otherMethods } from '@/lib/shared/http/other-methods'
import { IdParamsSchema } from '@/lib/shared/validation/songs'

/** The light read for polling clients: status and progress, ETag + 304 when nothing changed. */
export const GET = handler({ params: IdParamsSchema }, async ({ req, user, params }) => {
  const { status, etag } = await getChoreographyStatus(user, params.id)
  // private, no-cache: a browser may keep it but must ask again, and gets a 304 while unchanged.
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' }
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers })
  return Response.json({ status }, { headers })
})

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
