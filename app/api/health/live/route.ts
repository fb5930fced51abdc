import { APP_VERSION } from '@/lib/services/health/check-health'
import { handler, json } from '@/lib/shared/http/handler'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const dynamic = 'force-dynamic'

// Liveness for the container platform and the load balancer: the process answers. It never
// touches the database, so health checks every few seconds don't keep an idle Aurora awake
// (GET /api/health, with the database, is the readiness check).
export const GET = handler({ auth: 'none' }, async () => json({ status: 'live', version: APP_VERSION }))

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
