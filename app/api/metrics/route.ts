import { collectTaskMetrics } from '@/lib/services/metrics/collect-task-metrics'
import { getEnv } from '@/lib/shared/env'
import { authorizeMetricsScrape } from '@/lib/shared/http/authorize-metrics-scrape'
import { handler } from '@/lib/shared/http/handler'
import { getMetrics } from '@/lib/shared/http/metrics'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const dynamic = 'force-dynamic'

// Prometheus scrape: request counts and latency by route, rate-limit and quota refusals, the
// render queue and finished renders. Bearer METRICS_TOKEN; none configured → 404.
export const GET = handler({ auth: 'none' }, async ({ req }) => {
  authorizeMetricsScrape(req.headers.get('authorization'), getEnv().METRICS_TOKEN)
  await collectTaskMetrics()
  const { registry } = getMetrics()
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } })
})

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
