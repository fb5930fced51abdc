import type PgBoss from 'pg-boss'
import type { Logger } from '@/lib/shared/logger'
import { findAbandonedJobs, findOrphanedTasks } from './pgboss-jobs'
import { RENDER_QUEUE } from './render-job'
import { releaseTask } from './task-lease'

/**
 * Run by every worker every few seconds (any one of them is enough):
 * - a job whose worker died (kill -9, lost instance) is failed now rather than at its expiry,
 *   so pg-boss retries it with backoff and another worker takes it over;
 * - a task left QUEUED/RUNNING with no job at all (the web app's enqueue failed) gets one:
 *   Postgres is the source of truth, a lost enqueue or wake only delays the render.
 */
export async function reapStaleJobs(o: { boss: PgBoss; leaseSeconds: number; orphanGraceSeconds: number; log: Logger }) {
  const abandoned = await findAbandonedJobs(o.boss, o.leaseSeconds)
  for (const { id, taskId } of abandoned) {
    await releaseTask(taskId, null, { stage: 'retrying', error: 'The worker rendering this stopped responding; retrying' })
    await o.boss.fail(RENDER_QUEUE, id, { message: 'the worker rendering it stopped responding (lease expired)' })
    o.log.warn({ jobId: id, taskId }, 'reaped a job whose worker stopped responding')
  }
  const orphans = await findOrphanedTasks(o.boss, o.orphanGraceSeconds)
  for (const taskId of orphans) {
    await o.boss.send(RENDER_QUEUE, { taskId })
    o.log.warn({ taskId }, 're-enqueued a task that had no render job')
  }
  return { reaped: abandoned.length, requeued: orphans.length }
}
