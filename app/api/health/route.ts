import { checkHealth, mediaToolsReady } from '@/lib/services/health/check-health'
import { handler, json } from '@/lib/shared/http/handler'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const dynamic = 'force-dynamic'

// 503 only for the database: an instance without ffmpeg still serves every page, so it stays
// in rotation, and its body says "degraded" and which binary is missing.
export const GET = handler({ auth: 'none' }, async () => {
  const h = await checkHealth()
  const status = h.ok && mediaToolsReady(h) ? 'ok' : 'degraded'
  return json({ status, db: h.db, version: h.version, ffmpeg: h.ffmpeg, ffprobe: h.ffprobe }, h.ok ? 200 : 503)
})

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
