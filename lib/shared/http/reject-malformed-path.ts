import { onIncomingRequest } from './on-incoming-request'

/** Where an API request whose path does not decode is sent: the catch-all answers it 400 JSON. */
export const MALFORMED_PATH = '/api/_malformed-path'
/** Where a page request whose path does not decode is sent: no page serves it, so it is the
 * app's 404 page (app/not-found.tsx), as for any other address that names no page. */
export const MALFORMED_PAGE_PATH = '/_malformed-path'

const KEY = Symbol.for('bachata-buddy.reject-malformed-path')

/** A path with a percent escape that is not UTF-8 (`%zz`, `%ff`, an encoded lone surrogate). */
function isMalformedPath(url: string): boolean {
  try {
    decodeURIComponent(url.split('?')[0])
    return false
  } catch {
    return true
  }
}

/** An /api path with a percent escape that is not UTF-8. */
export function isMalformedApiPath(url: string): boolean {
  return url.startsWith('/api/') && isMalformedPath(url)
}

/** An /api path whose dot segments (`..`, `%2e%2e`, which URL parsing takes for dots) lead out
 * of /api: Next would resolve it to a page and answer an API client with HTML. */
function climbsOutOfApi(url: string): boolean {
  return url.startsWith('/api/') && !new URL(url.split('?')[0], 'http://localhost').pathname.startsWith('/api/')
}

/** Where a request for `url` must go instead, or null when its path decodes (and stays where it
 * says it goes). */
export function readdressMalformedPath(url: string): string | null {
  if (climbsOutOfApi(url)) return MALFORMED_PATH
  if (!isMalformedPath(url)) return null
  return url.startsWith('/api/') ? MALFORMED_PATH : MALFORMED_PAGE_PATH
}

/**
 * Next decodes a route's path parameters before any handler or page runs, and a bad escape
 * there is a plain-text 500 that no wrapper or error page can catch. Such a request is
 * re-addressed, before Next sees it: an API path to one the API's catch-all answers with a
 * JSON 400, any other path to the 404 page. Hooked once at start-up (instrumentation.ts); the
 * query string is dropped with the path (it belongs to no route).
 */
export function rejectMalformedPaths(): void {
  const g = globalThis as { [KEY]?: true }
  if (g[KEY]) return
  g[KEY] = true
  onIncomingRequest((req) => {
    const target = req.url ? readdressMalformedPath(req.url) : null
    if (target) req.url = target
  })
}
