import { AppError } from '@/lib/shared/errors'
import { handler } from '@/lib/shared/http/handler'
import { MALFORMED_PATH } from '@/lib/shared/http/reject-malformed-path'

/** Any /api path no route claims: a JSON 404 like every other API error, not the HTML page.
 * A path that did not decode was re-addressed here (reject-malformed-path.ts): a 400. */
const notFound = handler({ auth: 'none' }, async ({ req }) => {
  if (new URL(req.url).pathname === MALFORMED_PATH) throw AppError.badRequest('The URL path is not valid: a percent escape that is not UTF-8, or dot segments that lead out of /api')
  throw new AppError('not_found', 'No such API endpoint', 404)
})

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS }
