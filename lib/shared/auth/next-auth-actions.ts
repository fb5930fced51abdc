import { AppError } from '@/lib/shared/errors'

/**
 * The next-auth actions this app uses, per method (credentials sign-in only: no OAuth
 * callbacks, no email verification). next-auth answers any other action with a text/plain
 * 400, and a GET to the credentials callback with a 500; the route answers those with the
 * API's JSON 404 instead.
 */
const ACTIONS: Record<string, readonly string[]> = {
  GET: ['session', 'csrf', 'providers', 'signin', 'signout', 'error'],
  POST: ['signin', 'signout', 'callback', 'session', '_log'],
}

export function isNextAuthAction(method: string, segments: readonly string[]): boolean {
  return Object.hasOwn(ACTIONS, method) && ACTIONS[method].includes(segments[0] ?? '')
}

/** The error for a request next-auth would mishandle, or null to pass it on: an action it does
 * not have here, or a JSON-labelled body that is not JSON (next-auth parses it unguarded: an empty 500). */
export async function refuseNextAuthRequest(req: Request, segments: readonly string[]): Promise<AppError | null> {
  if (!isNextAuthAction(req.method, segments)) return new AppError('not_found', 'No such API endpoint', 404)
  if (req.method === 'POST' && (req.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      await req.clone().json()
    } catch {
      return AppError.badRequest('The request body is not valid JSON')
    }
  }
  return null
}

/** next-auth refuses a body it cannot read with a text/plain 400 ("[object Object]"). */
export function isPlainTextRefusal(res: Response): boolean {
  return res.status === 400 && !(res.headers.get('content-type') ?? '').includes('json')
}
