import { logger } from '@/lib/shared/logger'
import { getSenderBoss } from './get-boss'
import { RENDER_QUEUE, RenderJobSchema } from './render-job'
import { wakeWorker } from './wake-worker'

/**
 * Queue a render of the task's current blueprint and wake the worker. Called after the
 * QUEUED task row is committed. Never fails the caller's request: if the queue cannot be
 * reached, the worker's reconciler enqueues QUEUED tasks that have no job (reap-stale-jobs.ts).
 */
export async function enqueueRender(taskId: string): Promise<string | null> {
  let jobId: string | null = null
  try {
    const boss = await getSenderBoss()
    jobId = await boss.send(RENDER_QUEUE, RenderJobSchema.parse({ taskId }))
  } catch (err) {
    logger.error({ err, taskId }, 'could not enqueue the render job; the worker reconciler will pick the task up')
    return null
  }
  void wakeWorker()
  return jobId
}
