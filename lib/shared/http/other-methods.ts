import { AppError } from '@/lib/shared/errors'
import { handler } from './handler'

export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
type Method = (typeof ROUTE_METHODS)[number]
type RouteFn = (req: Request) => Promise<Response>

/**
 * The methods a route file does not implement, as JSON 405s with an Allow header, and an
 * OPTIONS that lists the real ones. Without them Next answers a wrong method with an empty
 * 405 and an OPTIONS that lists nothing useful. Every route file ends with
 * `export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST'])` naming the
 * methods it lacks; a unit test checks that every file covers all five.
 */
export function otherMethods(implemented: readonly Method[]): Record<Method | 'OPTIONS', RouteFn> {
  const allow = [...implemented, ...(implemented.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].sort().join(', ')
  const notAllowed = handler({ auth: 'none' }, async ({ req }) => {
    throw new AppError('method_not_allowed', `${req.method} is not allowed here (allowed: ${allow})`, 405, undefined, { Allow: allow })
  }) as unknown as RouteFn
  const options: RouteFn = async () => new Response(null, { status: 204, headers: { Allow: allow, 'Cache-Control': 'no-store' } })
  return { GET: notAllowed, POST: notAllowed, PUT: notAllowed, PATCH: notAllowed, DELETE: notAllowed, OPTIONS: options }
}
