import http from 'node:http'
import type { Figures } from './measure'

/**
 * A fixed offered load, paced: request i is due at start + i / rate, whatever happened to the
 * ones before (open loop), and its latency runs from when it was due, so time spent waiting
 * for a free connection counts (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: it lets each connection send flat out until it has made
 * its share of the second, then pause until the next one-second tick. 300 req/s over 32
 * connections is a burst of 300 requests at every tick and 700 ms of silence: its p99 is the
 * queue at the head of a burst (129 ms for /api/health/live, a route that does nothing), not
 * the latency at 300 req/s.
 */
export async function measurePaced(o: {
  url: string; path: string; seconds: number; rate: number; connections: number; headers?: Record<string, string>
}): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections })
  const target = new URL(o.path, o.url)
  const total = Math.round(o.seconds * o.rate)
  const interval = 1000 / o.rate
  const latencies: number[] = []
  const tally = { ok2xx: 0, non2xx: 0, errors: 0, timeouts: 0 }
  const inFlight: Promise<void>[] = []

  const send = (due: number) => new Promise<void>((resolve) => {
    let timedOut = false
    const req = http.get(target, { agent, headers: o.headers, timeout: 10_000 }, (res) => {
      res.resume()
      res.on('end', () => {
        latencies.push(performance.now() - due)
        if (res.statusCode! >= 200 && res.statusCode! < 300) tally.ok2xx++
        else tally.non2xx++
        resolve()
      })
    })
    req.on('timeout', () => { timedOut = true; tally.timeouts++; req.destroy() })
    req.on('error', () => { if (!timedOut) tally.errors++; resolve() })
  })

  const start = performance.now()
  let sent = 0
  while (sent < total) {
    const now = performance.now()
    // Everything due by now goes out now (a late timer sends its backlog at once, and the
    // latency still counts from each request's own due time).
    while (sent < total && start + sent * interval <= now) inFlight.push(send(start + sent++ * interval))
    const wait = start + sent * interval - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, Math.max(0, Math.floor(wait))))
  }
  await Promise.all(inFlight)
  const elapsed = (performance.now() - start) / 1000
  agent.destroy()

  latencies.sort((a, b) => a - b)
  const at = (q: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10 : 0)
  return {
    reqPerSec: Math.round((tally.ok2xx + tally.non2xx) / elapsed),
    latencyMs: { p50: at(0.5), p99: at(0.99), max: at(1) },
    requests: sent,
    ...tally,
  }
}
