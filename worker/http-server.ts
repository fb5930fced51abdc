import http from 'node:http'
import { secretMatches, WORKER_SECRET_HEADER } from '@/lib/services/render-jobs/worker-secret'

/**
 * The worker's only HTTP surface: GET /health/live (liveness for the container platform: no
 * database, so its checks don't keep an idle Aurora awake), GET /health (readiness: the
 * database and ffmpeg) and POST /jobs/wake (the web app's trigger, authenticated by the
 * shared secret). Nothing here takes input beyond the secret header, so there is no body to
 * parse.
 */
export interface WorkerHttpOptions {
  secret: string | undefined
  health: () => Promise<{ ok: boolean; [k: string]: unknown }>
  live: () => Record<string, unknown>
  /** Poll mode: nudge the loop and answer 202 at once. Request mode: a promise of the
   * drain's result, answered 200 when the rendering it did is over. */
  wake: () => void | Promise<Record<string, unknown>>
}

export function createWorkerServer(o: WorkerHttpOptions): http.Server {
  return http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    req.resume() // drain any body: none is read
    const url = new URL(req.url ?? '/', 'http://worker')
    if (url.pathname === '/health/live' && (req.method === 'GET' || req.method === 'HEAD')) return send(200, o.live())
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      o.health().then(
        (h) => send(h.ok ? 200 : 503, h),
        () => send(503, { ok: false }),
      )
      return
    }
    if (url.pathname === '/jobs/wake') {
      if (req.method !== 'POST') return send(405, { error: { code: 'method_not_allowed', message: 'Use POST' } })
      if (!secretMatches(req.headers[WORKER_SECRET_HEADER] as string | undefined, o.secret)) {
        return send(401, { error: { code: 'unauthenticated', message: 'Missing or wrong worker secret' } })
      }
      const drained = o.wake()
      if (!drained) return send(202, { woken: true })
      drained.then((result) => send(200, result), () => send(503, { error: { code: 'unavailable', message: 'The drain failed; the jobs stay queued' } }))
      return
    }
    send(404, { error: { code: 'not_found', message: 'Not found' } })
  })
}
