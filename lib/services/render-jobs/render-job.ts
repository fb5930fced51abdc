import { z } from 'zod'

/**
 * The one job of the render worker: "render the blueprint of this task". The payload is only
 * the task id: the blueprint, its hash and the task state are read from Postgres when the job
 * runs, so a job can never carry a stale or forged blueprint.
 */
export const RENDER_QUEUE = 'render'
/** Jobs that used up their attempts (or expired without a worker) land here; its handler
 * marks the task FAILED with a readable reason, so no task stays RUNNING forever. */
export const RENDER_DEAD_LETTER_QUEUE = 'render-dead'

export const RenderJobSchema = z.object({ taskId: z.string().min(1).max(64) }).strict()
export type RenderJob = z.infer<typeof RenderJobSchema>

export interface RenderQueuePolicy {
  /** Attempts in all, first one included (pg-boss counts retries: retryLimit = attempts - 1). */
  attempts: number
  /** Base retry delay; pg-boss doubles it per retry, with jitter. */
  retryDelaySeconds: number
  /** Hard upper bound of one attempt (pg-boss job expiry). Our own heartbeat lease on the
   * task detects a dead worker much sooner (see reap-stale-jobs.ts). */
  expireInSeconds: number
}

export const DEFAULT_RENDER_POLICY: RenderQueuePolicy = { attempts: 3, retryDelaySeconds: 5, expireInSeconds: 30 * 60 }

export function queueOptions(p: RenderQueuePolicy) {
  return {
    retryLimit: p.attempts - 1,
    retryDelay: p.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: p.expireInSeconds,
    deadLetter: RENDER_DEAD_LETTER_QUEUE,
    // Finished jobs are kept a week for inspection; pg-boss archives and deletes them itself.
    retentionMinutes: 7 * 24 * 60,
  }
}
