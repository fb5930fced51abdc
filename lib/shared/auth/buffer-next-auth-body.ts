import { NextRequest } from 'next/server'
import { readBodyBytes } from '@/lib/shared/http/read-body-bytes'

/** A credentials sign-in form is a few hundred bytes (email, password, csrf token, url). */
export const NEXT_AUTH_MAX_BODY_BYTES = 16 * 1024

/**
 * next-auth reads a POST body whole and unguarded (req.json() or req.text()), and so do the
 * checks in front of it: a huge body filled memory and a stalled one held the request until
 * Node's own 300 s timeout. The body is read here once, bounded like every other body (413,
 * and 408 when it stalls), and the request handed on with it in memory.
 */
export async function bufferNextAuthBody(req: NextRequest): Promise<NextRequest> {
  const body = await readBodyBytes(req, NEXT_AUTH_MAX_BODY_BYTES)
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body: body.length ? new Uint8Array(body) : undefined })
}
