import { randomBytes } from 'node:crypto'
import { onIncomingRequest } from './on-incoming-request'

const KEY = Symbol.for('bachata-buddy.peer-header')
type Stamped = { [KEY]?: string }

/**
 * Route handlers never see the TCP peer (Next passes a Request, not the socket), and Next
 * only fills X-Forwarded-For when the client sent none, so a client could name any address
 * it likes. At start-up (instrumentation.ts) every incoming request gets the socket's peer
 * and the X-Forwarded-For it arrived with in two headers whose names carry a random part
 * chosen per process: a client cannot send them, because it cannot know their names.
 */
export function stampPeerAddresses(): void {
  const g = globalThis as Stamped
  if (g[KEY]) return
  const name = `x-bb-peer-${randomBytes(8).toString('hex')}`
  g[KEY] = name
  onIncomingRequest((req) => {
    req.headers[name] = req.socket?.remoteAddress ?? ''
    req.headers[`${name}-xff`] = String(req.headers['x-forwarded-for'] ?? '')
  })
}

/** The socket peer and the client's original X-Forwarded-For, or null before stamping. */
export function readPeer(headers: Headers): { peer: string; forwardedFor: string[] } | null {
  const name = (globalThis as Stamped)[KEY]
  const peer = name ? headers.get(name) : null
  if (!name || !peer) return null
  const forwardedFor = (headers.get(`${name}-xff`) ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  return { peer, forwardedFor }
}
