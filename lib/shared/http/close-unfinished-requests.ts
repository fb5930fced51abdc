import type http from 'node:http'
import { onIncomingRequest } from './on-incoming-request'

const KEY = Symbol.for('bachata-buddy.close-unfinished')

/**
 * A response sent before its request body arrived in full (a 408 for a stalled upload, a 401
 * or 413 before reading it) ends the connection: Node would otherwise keep it alive and go
 * on waiting for the rest of the body (until its 300 s request timeout), holding the socket.
 * `shouldKeepAlive = false` before the headers go out makes Node send `Connection: close` and
 * destroy the socket once the response is written.
 */
export function closeUnfinishedRequests(): void {
  const g = globalThis as { [KEY]?: true }
  if (g[KEY]) return
  g[KEY] = true
  onIncomingRequest((req, res) => {
    const writeHead = res.writeHead
    res.writeHead = function closingWriteHead(this: http.ServerResponse, ...args: unknown[]) {
      if (!req.complete) this.shouldKeepAlive = false
      return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args)
    } as typeof res.writeHead
  })
}
