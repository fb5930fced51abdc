import { checkHealth } from '@/lib/services/health/check-health'
import { handler, json } from '@/lib/shared/http/handler'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const dynamic = 'force-dynamic'

export const GET = handler({ auth: 'none' }, async () => {
  const h = await checkHealth()
  return json({ status: h.ok ? 'ok' : 'degraded', db: h.db, version: h.version }, h.ok ? 200 : 503)
})

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
