import { randomUUID } from 'node:crypto'
import type { NextRequest } from 'next/server'
import type { z } from 'zod'
import { authenticateRequest, type AuthMethod } from '@/lib/shared/auth/authenticate-request'
import type { Role } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { errorResponse, toAppError } from './error-response'
import { getMetrics } from './metrics'
import { clientIp, consumeRateLimit } from './rate-limit'
import { readJsonBody } from './read-json-body'
import { rejectUnsafeText } from './reject-unsafe-text'
import { describeRoute, type RouteParams } from './route-pattern'

/**
 * The one wrapper every route handler goes through: request id + access log, authentication
 * and role check, CSRF origin check for cookie sessions, rate limit, zod parsing of params,
 * query and JSON body, and error mapping. Handlers return data (→ 200 JSON) or a Response.
 */
type Auth = 'required' | 'optional' | 'none'

interface Options<B, Q, P, A extends Auth> {
  auth?: A
  roles?: Role[]
  body?: z.ZodType<B>
  query?: z.ZodType<Q>
  params?: z.ZodType<P>
  maxBodyBytes?: number
  /** One limit or several (all must pass); the key defaults to address + user. */
  rateLimit?: RateLimitRule<B> | RateLimitRule<B>[]
}

export interface RateLimitRule<B> {
  name: string
  limit: number | (() => number)
  windowMs: number
  key?: (ctx: { ip: string; body: B }) => string | Promise<string>
}

export interface HandlerContext<B, Q, P, U> {
  req: NextRequest
  user: U
  authMethod: AuthMethod | null
  body: B
  query: Q
  params: P
  requestId: string
  ip: string
}

type RouteContext = { params: Promise<Record<string, string | string[]>> }
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function handler<B = undefined, Q = undefined, P = undefined, A extends Auth = 'required'>(
  options: Options<B, Q, P, A>,
  fn: (ctx: HandlerContext<B, Q, P, A extends 'required' ? SessionUser : SessionUser | null>) => Promise<unknown>,
) {
  return async (req: NextRequest, route?: RouteContext): Promise<Response> => {
    const started = performance.now()
    const headerId = req.headers.get('x-request-id')
    const requestId = headerId && /^[A-Za-z0-9-]{8,64}$/.test(headerId) ? headerId : randomUUID()
    const ip = clientIp(req.headers)
    let userId: string | undefined
    let rawParams: RouteParams
    let response: Response
    try {
      // Read first: the metrics label is the route pattern even when auth refuses the request.
      rawParams = await route?.params
      const auth = options.auth ?? 'required'
      const authed = auth === 'none' ? null : await authenticateRequest(req)
      if (auth === 'required' && !authed) throw AppError.unauthenticated()
      if (authed) userId = authed.user.id
      if (options.roles && (!authed || !options.roles.includes(authed.user.role))) throw AppError.forbidden()
      if (authed?.method === 'cookie' && UNSAFE.has(req.method)) assertSameOrigin(req)

      // Every string from outside is checked before any schema or service sees it.
      rejectUnsafeText(rawParams, 'params')
      const rawQuery = Object.fromEntries(req.nextUrl.searchParams)
      rejectUnsafeText(rawQuery, 'query')
      const params = options.params ? options.params.parse(rawParams) : (undefined as P)
      const query = options.query ? options.query.parse(rawQuery) : (undefined as Q)
      let body = undefined as B
      if (options.body) {
        const raw = await readJsonBody(req, options.maxBodyBytes ?? 64 * 1024)
        rejectUnsafeText(raw, 'body')
        body = options.body.parse(raw)
      }
      for (const rl of options.rateLimit ? [options.rateLimit].flat() : []) {
        const key = rl.key ? await rl.key({ ip, body }) : `${ip}:${userId ?? ''}`
        await consumeRateLimit(rl.name, key, typeof rl.limit === 'function' ? rl.limit() : rl.limit, rl.windowMs)
      }
      const result = await fn({
        req, body, query, params, requestId, ip,
        user: (authed?.user ?? null) as never,
        authMethod: authed?.method ?? null,
      })
      response = result instanceof Response ? result : Response.json(result ?? null)
      response.headers.set('x-request-id', requestId)
    } catch (e) {
      response = errorResponse(toAppError(e, requestId), requestId)
    }
    // API answers are per user and per moment: no shared cache or browser history keeps them,
    // unless the handler chose a policy (media, the energy curve).
    if (!response.headers.has('cache-control')) response.headers.set('Cache-Control', 'no-store')
    const seconds = (performance.now() - started) / 1000
    // The pattern for metrics (bounded labels); the path with its ids for the log, less any
    // share token (a bearer capability). Query strings are never logged: signed URLs live there.
    const { route: pattern, safePath } = describeRoute(req.nextUrl.pathname, rawParams)
    const labels = { method: req.method, route: pattern, status: String(response.status) }
    const metrics = getMetrics()
    metrics.httpRequests.inc(labels)
    metrics.httpDuration.observe(labels, seconds)
    logger.info(
      { requestId, method: req.method, route: pattern, path: safePath, status: response.status, userId, ms: Math.round(seconds * 1000) },
      'request',
    )
    return response
  }
}

/**
 * Cookie-authenticated writes must come from our own pages (SameSite=Lax plus this check).
 * Browsers send Origin with every POST, PUT, PATCH and DELETE, same-origin ones included; a
 * cookie write without it is not from a page of ours, unless Sec-Fetch-Site (which a page
 * cannot forge) says same-origin. Bearer clients are not cookie-authenticated: not checked.
 */
function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get('origin')
  if (!origin) {
    if (req.headers.get('sec-fetch-site') === 'same-origin') return
    throw AppError.forbidden('Cross-origin request refused: a signed-in write must say where it comes from (Origin)')
  }
  // X-Forwarded-Host is believed only behind a trusted proxy: otherwise a client could name
  // its own origin there and pass this check.
  const forwarded = getEnv().TRUSTED_PROXY_HOPS > 0 ? req.headers.get('x-forwarded-host') : null
  const host = forwarded ?? req.headers.get('host')
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    throw AppError.forbidden('Cross-origin request refused')
  }
  if (originHost !== host) throw AppError.forbidden('Cross-origin request refused')
}

export function json(data: unknown, status = 200, headers?: Record<string, string>): Response {
  return Response.json(data, { status, headers })
}
