import { onIncomingRequest } from './on-incoming-request'

/** Where an API request whose path does not decode is sent: the catch-all answers it 400 JSON. */
export const MALFORMED_PATH = '/api/_malformed-path'

const KEY = Symbol.for('bachata-buddy.reject-malformed-path')

/** An /api path with a percent escape that is not UTF-8 (`%zz`, `%ff`, an encoded lone surrogate). */
export function isMalformedApiPath(url: string): boolean {
  const path = url.split('?')[0]
  if (!path.startsWith('/api/')) return false
  try {
    decodeURIComponent(path)
    return false
  } catch {
    return true
  }
}

/**
 * Next decodes a route's path parameters before any handler runs, and a bad escape there is a
 * plain-text 500 that no wrapper can catch. Such a request is re-addressed, before Next sees
 * it, to a path the API's catch-all answers with a JSON 400. Hooked once at start-up
 * (instrumentation.ts); the query string is dropped with the path (it belongs to no route).
 */
export function rejectMalformedPaths(): void {
  const g = globalThis as { [KEY]?: true }
  if (g[KEY]) return
  g[KEY] = true
  onIncomingRequest((req) => {
    if (req.url && isMalformedApiPath(req.url)) req.url = MALFORMED_PATH
  })
}
