import type http from 'node:http'
import { onIncomingRequest } from './on-incoming-request'

const KEY = Symbol.for('bachata-buddy.close-stalled')

/**
 * A 408 sent before the request body arrived in full (the body stalled or trickled past its
 * time limit) ends the connection: Node would otherwise keep it alive and go on waiting for
 * the rest of the body (until its own 300 s request timeout), holding the socket.
 * `shouldKeepAlive = false` before the headers go out makes Node send `Connection: close` and
 * destroy the socket once the response is written, as its own request timeout does.
 * So does a 413 for a body read part-way (one without a Content-Length that passed its
 * limit): the read was cancelled, so nothing takes the rest off the socket, and the next
 * request on that keep-alive connection hung until Node reset it.
 * Other early answers (401, 403, 413 before the body is read) keep Node's behaviour, which
 * lets the client finish sending and read the answer: closing those made clients that were
 * still writing fail with EPIPE instead of seeing the 403.
 */
export function closeStalledRequests(): void {
  const g = globalThis as { [KEY]?: true }
  if (g[KEY]) return
  g[KEY] = true
  onIncomingRequest((req, res) => {
    const writeHead = res.writeHead
    res.writeHead = function closingWriteHead(this: http.ServerResponse, ...args: unknown[]) {
      const status = typeof args[0] === 'number' ? args[0] : this.statusCode
      const abandoned = status === 408 || (status === 413 && req.readableDidRead)
      if (abandoned && !req.complete) this.shouldKeepAlive = false
      return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args)
    } as typeof res.writeHead
  })
}
