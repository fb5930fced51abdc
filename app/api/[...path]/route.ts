import { AppError } from '@/lib/shared/errors'
import { handler } from '@/lib/shared/http/handler'

/** Any /api path no route claims: a JSON 404 like every other API error, not the HTML page. */
const notFound = handler({ auth: 'none' }, async () => {
  throw new AppError('not_found', 'No such API endpoint', 404)
})

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS }
