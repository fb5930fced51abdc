import http from 'node:http'

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void

const KEY = Symbol.for('bachata-buddy.request-listeners')
type Hooked = { [KEY]?: Listener[] }

/**
 * Route handlers get a Request, never the socket or the Node response; a few guards need
 * them (the peer's address, closing a connection whose body never finished). Next creates
 * its server itself, so the one way in is the server's 'request' event: patched once per
 * process, before the first request (instrumentation.ts), then each listener runs first.
 */
export function onIncomingRequest(listener: Listener): void {
  const g = globalThis as Hooked
  if (!g[KEY]) {
    const listeners: Listener[] = []
    g[KEY] = listeners
    const emit = http.Server.prototype.emit
    http.Server.prototype.emit = function hookedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') for (const l of listeners) l(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)
      return (emit as (this: http.Server, ...a: unknown[]) => boolean).apply(this, [event, ...args])
    } as typeof emit
  }
  g[KEY].push(listener)
}
