import autocannon from 'autocannon'

/** One autocannon run's figures, as bench/results/load.json keeps them. */
export interface Figures {
  reqPerSec: number
  latencyMs: { p50: number; p99: number; max: number }
  requests: number
  ok2xx: number
  non2xx: number
  errors: number
  timeouts: number
}

export interface MeasureOptions {
  url: string
  path: string
  seconds: number
  connections: number
  /** Fixed offered load (req/s); unset: as fast as the server answers. */
  rate?: number
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** Per request: another path or body (varied searches, unique Idempotency-Keys). */
  next?: () => { path?: string; body?: string; headers?: Record<string, string> }
  /** Every answer's status (the creation scenario counts its 2xx against rows). */
  onStatus?: (status: number) => void
}

export async function measure(o: MeasureOptions): Promise<Figures> {
  const r = await autocannon({
    url: o.url,
    duration: o.seconds,
    connections: o.connections,
    ...(o.rate ? { overallRate: o.rate } : {}),
    timeout: 10,
    requests: [{
      method: o.method ?? 'GET',
      path: o.path,
      headers: o.headers,
      ...(o.next ? { setupRequest: (req: autocannon.Request) => {
        const n = o.next!()
        return { ...req, ...(n.path ? { path: n.path } : {}), ...(n.body ? { body: n.body } : {}), headers: { ...req.headers, ...n.headers } }
      } } : {}),
      ...(o.onStatus ? { onResponse: (status: number) => o.onStatus!(status) } : {}),
    }],
  })
  return {
    reqPerSec: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    requests: r.requests.total,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  }
}
