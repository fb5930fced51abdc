import { getDb, Prisma } from '@/lib/shared/db'
import type { RenderStats } from './render-stats'

/**
 * Every change the worker makes to a ChoreographyTask, each one a single UPDATE guarded by
 * the state it expects (status, and for a running task the lease owner). A guard that no
 * longer holds matches 0 rows: the caller learns it lost the task (cancelled, or taken over
 * after its lease expired) and stops, instead of overwriting a newer state. So status only
 * moves QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED and progress never decreases.
 * Times come from the database clock (UTC, as Prisma stores them), never a worker's clock.
 */
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`
const leaseUntil = (seconds: number) => Prisma.sql`(now() AT TIME ZONE 'UTC') + make_interval(secs => ${seconds})`

export interface ClaimedTask {
  attempts: number
}

/** QUEUED, or RUNNING without a live lease (a previous attempt failed, was released or its
 * worker died) → RUNNING under our lease. Returns null if someone else holds it or it ended. */
export async function claimTask(taskId: string, workerId: string, leaseSeconds: number): Promise<ClaimedTask | null> {
  const rows = await getDb().$queryRaw<ClaimedTask[]>`
    UPDATE "ChoreographyTask" SET
      status = 'RUNNING', "leaseOwner" = ${workerId}, "leaseExpiresAt" = ${leaseUntil(leaseSeconds)},
      attempts = attempts + 1, "startedAt" = COALESCE("startedAt", ${NOW}), stage = 'preparing', error = NULL,
      "updatedAt" = ${NOW}
    WHERE id = ${taskId} AND (
      status = 'QUEUED' OR
      (status = 'RUNNING' AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${NOW})))
    RETURNING attempts`
  return rows[0] ?? null
}

/** Extends the lease and records progress (never lower than before). false = lost the task:
 * cancelled, finished elsewhere, or our lease already ran out (then the reaper may have handed
 * the job to another worker, so an expired lease is never renewed). */
export async function heartbeat(taskId: string, workerId: string, leaseSeconds: number, report?: { stage: string; progress: number }): Promise<boolean> {
  const progress = report ? Math.max(0, Math.min(99, Math.floor(report.progress))) : 0
  const count = await getDb().$executeRaw`
    UPDATE "ChoreographyTask" SET
      "leaseExpiresAt" = ${leaseUntil(leaseSeconds)},
      progress = GREATEST(progress, ${progress}),
      stage = COALESCE(${report?.stage ?? null}::text, stage),
      "updatedAt" = ${NOW}
    WHERE id = ${taskId} AND status = 'RUNNING' AND "leaseOwner" = ${workerId} AND "leaseExpiresAt" >= ${NOW}`
  return count === 1
}

export async function succeedTask(taskId: string, workerId: string, keys: { outputKey: string; posterKey: string }, stats: RenderStats): Promise<boolean> {
  const count = await getDb().$executeRaw`
    UPDATE "ChoreographyTask" SET
      status = 'SUCCEEDED', stage = 'done', progress = 100, error = NULL,
      "outputKey" = ${keys.outputKey}, "posterKey" = ${keys.posterKey}, "renderStats" = ${JSON.stringify(stats)}::jsonb,
      "finishedAt" = ${NOW}, "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${NOW}
    WHERE id = ${taskId} AND status = 'RUNNING' AND "leaseOwner" = ${workerId}`
  return count === 1
}

/** → FAILED with a reason the user can read. With a worker id, only while that worker holds
 * the task; without one (dead-letter handler), only while no worker holds a live lease. */
export async function failTask(taskId: string, reason: string, workerId?: string): Promise<boolean> {
  const owner = workerId === undefined
    ? Prisma.sql`("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${NOW})`
    : Prisma.sql`(status = 'RUNNING' AND "leaseOwner" = ${workerId})`
  const count = await getDb().$executeRaw`
    UPDATE "ChoreographyTask" SET
      status = 'FAILED', stage = 'failed', error = ${reason.slice(0, 500)},
      "finishedAt" = ${NOW}, "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${NOW}
    WHERE id = ${taskId} AND status IN ('QUEUED', 'RUNNING') AND ${owner}`
  return count === 1
}

/** Gives the task up while it stays RUNNING (a retry or another worker takes it over). The
 * note says why, e.g. "attempt 1 failed: storage unavailable; retrying". */
export async function releaseTask(taskId: string, workerId: string | null, note: { stage: string; error?: string }): Promise<boolean> {
  const owner = workerId === null ? Prisma.sql`"leaseExpiresAt" < ${NOW}` : Prisma.sql`"leaseOwner" = ${workerId}`
  const count = await getDb().$executeRaw`
    UPDATE "ChoreographyTask" SET
      "leaseOwner" = NULL, "leaseExpiresAt" = NULL, stage = ${note.stage},
      error = COALESCE(${note.error?.slice(0, 500) ?? null}::text, error), "updatedAt" = ${NOW}
    WHERE id = ${taskId} AND status = 'RUNNING' AND ${owner}`
  return count === 1
}

export async function readTaskStatus(taskId: string) {
  return getDb().choreographyTask.findUnique({ where: { id: taskId }, select: { status: true, leaseOwner: true } })
}
