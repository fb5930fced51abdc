import { getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import { WORKER_SECRET_HEADER } from './worker-secret'

let lastWarning = 0

/**
 * POST WORKER_URL/jobs/wake so a scaled-to-zero worker starts (App Runner starts an instance
 * for an incoming request) and an idle one fetches now instead of at its next poll. Never
 * throws: the job is already in the queue, so a lost wake only delays it until a poll.
 */
export async function wakeWorker(opts: { timeoutMs?: number } = {}): Promise<boolean> {
  const { WORKER_URL, WORKER_SECRET } = getEnv()
  if (!WORKER_URL || !WORKER_SECRET) return false
  try {
    const res = await fetch(new URL('/jobs/wake', WORKER_URL), {
      method: 'POST',
      headers: { [WORKER_SECRET_HEADER]: WORKER_SECRET },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    })
    await res.body?.cancel()
    if (!res.ok) throw new Error(`worker answered ${res.status}`)
    return true
  } catch (err) {
    // At most one line a minute: a worker that is down would otherwise log on every request.
    if (Date.now() - lastWarning > 60_000) {
      lastWarning = Date.now()
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'render worker wake failed; it will find the job when it polls')
    }
    return false
  }
}
