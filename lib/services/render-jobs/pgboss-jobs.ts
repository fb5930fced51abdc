import type PgBoss from 'pg-boss'
import { RENDER_DEAD_LETTER_QUEUE, RENDER_QUEUE } from './render-job'

/**
 * The few queue operations pg-boss 10 has no API for, as SQL on its own job table (schema
 * "pgboss", columns as of pg-boss 10.x; re-check on a major upgrade). Kept in this one file.
 */
const SCHEMA = 'pgboss'

/** Puts an active job back as if never started: no attempt is used up (graceful shutdown). */
export async function releaseJob(boss: PgBoss, jobId: string): Promise<boolean> {
  const { rows } = await boss.getDb().executeSql(
    `UPDATE ${SCHEMA}.job SET state = 'created', started_on = NULL, start_after = now()
     WHERE name = $1 AND id = $2 AND state = 'active' RETURNING id`,
    [RENDER_QUEUE, jobId],
  )
  return rows.length === 1
}

/** Fails an active job for good (no retries left), e.g. a clip missing from the library:
 * retrying cannot help, so the job goes straight to "failed" (and its dead letter). */
export async function failJobForGood(boss: PgBoss, jobId: string, message: string): Promise<void> {
  await boss.getDb().executeSql(
    `UPDATE ${SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`,
    [RENDER_QUEUE, jobId],
  )
  await boss.fail(RENDER_QUEUE, jobId, { message })
}

/** Jobs of this task still waiting or running (created, retry, active). */
export async function pendingJobIds(boss: PgBoss, taskId: string): Promise<string[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT id FROM ${SCHEMA}.job WHERE name = $1 AND data->>'taskId' = $2 AND state < 'completed'`,
    [RENDER_QUEUE, taskId],
  )
  return rows.map((r: { id: string }) => r.id)
}

/**
 * Active jobs whose worker is gone: started more than a lease ago, and their task still waits
 * for a render (QUEUED or RUNNING) but not under a live lease (the heartbeat stopped, or the
 * worker died between fetching the job and claiming the task). pg-boss would only notice at the
 * job's expiry (minutes). A task that ended elsewhere (cancelled) has no lease either, but its
 * worker may be alive and winding the render down: failing its job then only made pg-boss
 * retry a render nobody wants (a flaky CI run: the reaper got there 67 ms before the worker
 * saw the cancel). If that worker did die, the job's expiry settles it.
 */
export async function findAbandonedJobs(boss: PgBoss, leaseSeconds: number): Promise<{ id: string; taskId: string }[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT j.id, j.data->>'taskId' AS "taskId"
     FROM ${SCHEMA}.job j JOIN public."ChoreographyTask" t ON t.id = j.data->>'taskId'
     WHERE j.name = $1 AND j.state = 'active' AND j.started_on < now() - make_interval(secs => $2)
       AND t.status IN ('QUEUED', 'RUNNING')
       AND NOT (t.status = 'RUNNING' AND t."leaseExpiresAt" >= (now() AT TIME ZONE 'UTC'))`,
    [RENDER_QUEUE, leaseSeconds],
  )
  return rows as { id: string; taskId: string }[]
}

/**
 * Unfinished tasks nobody is working on and no job will reach: QUEUED ones whose enqueue was
 * lost, and RUNNING ones without a live lease whose job is gone. Tasks with a dead letter
 * still pending are left to its handler. Only rows untouched for `graceSeconds`.
 */
export async function findOrphanedTasks(boss: PgBoss, graceSeconds: number): Promise<string[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT t.id FROM public."ChoreographyTask" t
     WHERE (t.status = 'QUEUED' OR (t.status = 'RUNNING' AND (t."leaseExpiresAt" IS NULL OR t."leaseExpiresAt" < (now() AT TIME ZONE 'UTC'))))
       AND t."updatedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $3)
       AND NOT EXISTS (SELECT 1 FROM ${SCHEMA}.job j
                       WHERE j.name IN ($1, $2) AND j.data->>'taskId' = t.id AND j.state < 'completed')
     LIMIT 100`,
    [RENDER_QUEUE, RENDER_DEAD_LETTER_QUEUE, graceSeconds],
  )
  return rows.map((r: { id: string }) => r.id)
}
