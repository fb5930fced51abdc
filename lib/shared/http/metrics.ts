import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * The web process's Prometheus metrics (prom-client). One registry per process, kept on
 * globalThis: Next may load this module once per route bundle, and counters split across
 * copies would each show a part. Labels are bounded: the route pattern, never the raw path.
 */
export interface AppMetrics {
  registry: Registry
  httpRequests: Counter<'method' | 'route' | 'status'>
  httpDuration: Histogram<'method' | 'route' | 'status'>
  rateLimited: Counter<'limit'>
  quotaRefused: Counter<'quota'>
  songAnalyses: Counter<'outcome'>
}

const KEY = Symbol.for('bachata-buddy.metrics')

export function getMetrics(): AppMetrics {
  const holder = globalThis as typeof globalThis & { [KEY]?: AppMetrics }
  holder[KEY] ??= createMetrics()
  return holder[KEY]
}

function createMetrics(): AppMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'bachata_web_' })
  return {
    registry,
    httpRequests: new Counter({
      name: 'bachata_http_requests_total', help: 'API requests answered, by route pattern and status',
      labelNames: ['method', 'route', 'status'], registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'bachata_http_request_duration_seconds', help: 'API request latency, by route pattern and status',
      labelNames: ['method', 'route', 'status'], registers: [registry],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    }),
    rateLimited: new Counter({
      name: 'bachata_rate_limit_rejections_total', help: 'Requests refused by a rate limit (429), by limit name',
      labelNames: ['limit'], registers: [registry],
    }),
    quotaRefused: new Counter({
      name: 'bachata_quota_rejections_total', help: 'Requests refused by a per-user quota, by quota',
      labelNames: ['quota'], registers: [registry],
    }),
    songAnalyses: new Counter({
      name: 'bachata_song_analyses_total', help: 'Beat analyses run on audio this algorithm version had not analysed, by outcome',
      labelNames: ['outcome'], registers: [registry],
    }),
  }
}
