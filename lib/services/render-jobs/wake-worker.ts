import { z } from 'zod'
import { getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import { WORKER_SECRET_HEADER } from './worker-secret'

let lastWarning = 0

/** A request-mode worker answers 200 with what its drain did; a polling one 202. */
const DrainAnswer = z.object({ more: z.boolean(), budgetSpent: z.boolean().optional() })
/** Rounds of "wake again" for one enqueue: a render longer than all of them is not retried here. */
const MAX_ROUNDS = 20

/**
 * POST WORKER_URL/jobs/wake so a scaled-to-zero worker starts (App Runner starts an instance
 * for an incoming request) and an idle one fetches now instead of at its next poll. A worker
 * in request mode renders inside the request and answers when its drain is over; while it
 * says jobs remain (`more`), it is woken again: at once when its budget ran out, after a
 * pause when they wait for a retry delay. Never throws: the job is already in the queue, so
 * a lost wake only delays it (until a poll, or the next wake).
 */
export async function wakeWorker(opts: { timeoutMs?: number; retryPauseMs?: number } = {}): Promise<boolean> {
  const { WORKER_URL, WORKER_SECRET, WORKER_WAKE_TIMEOUT_SECONDS } = getEnv()
  if (!WORKER_URL || !WORKER_SECRET) return false
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const res = await fetch(new URL('/jobs/wake', WORKER_URL), {
        method: 'POST',
        headers: { [WORKER_SECRET_HEADER]: WORKER_SECRET },
        signal: AbortSignal.timeout(opts.timeoutMs ?? WORKER_WAKE_TIMEOUT_SECONDS * 1000),
      })
      if (!res.ok) {
        await res.body?.cancel()
        throw new Error(`worker answered ${res.status}`)
      }
      const drained = res.status === 200 ? DrainAnswer.safeParse(await res.json().catch(() => null)) : null
      if (res.status !== 200) await res.body?.cancel()
      if (!drained?.success || !drained.data.more) return true
      if (!drained.data.budgetSpent) await new Promise((r) => setTimeout(r, opts.retryPauseMs ?? 5_000))
    }
    return true
  } catch (err) {
    // At most one line a minute: a worker that is down would otherwise log on every request.
    if (Date.now() - lastWarning > 60_000) {
      lastWarning = Date.now()
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'render worker wake failed; it will find the job when it polls or on the next wake')
    }
    return false
  }
}
