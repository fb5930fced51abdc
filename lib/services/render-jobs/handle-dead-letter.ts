import type PgBoss from 'pg-boss'
import type { Logger } from '@/lib/shared/logger'
import { pendingJobIds } from './pgboss-jobs'
import { RenderJobSchema } from './render-job'
import { failTask } from './task-lease'

/**
 * A render job that used up its attempts, or whose worker vanished on the last one, arrives
 * here. Most tasks are FAILED already (the attempt that failed said why); this catches the
 * ones no handler could settle, so the user sees FAILED with a reason instead of a task
 * RUNNING forever. A task another job still works on (or will) is left to that job.
 */
export async function handleDeadLetter(boss: PgBoss, job: { id: string; data: unknown; output?: unknown }, log: Logger): Promise<void> {
  const payload = RenderJobSchema.safeParse(job.data)
  if (!payload.success) return
  if ((await pendingJobIds(boss, payload.data.taskId)).length > 0) return
  const message = (job.output as { message?: unknown; value?: { message?: unknown } } | null | undefined)
  const why = typeof message?.message === 'string' ? message.message
    : typeof message?.value?.message === 'string' ? message.value.message : ''
  const reason = /timeout|expired|stopped responding|shut down/i.test(why) || !why
    ? 'The video could not be rendered: the render worker stopped responding or timed out on its last attempt'
    : why.startsWith('The video could not be rendered') ? why : `The video could not be rendered: ${why}`
  if (await failTask(payload.data.taskId, reason)) log.warn({ taskId: payload.data.taskId, why }, 'dead-lettered render: task FAILED')
}
