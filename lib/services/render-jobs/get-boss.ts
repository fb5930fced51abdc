import PgBoss from 'pg-boss'
import { getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import { DEFAULT_RENDER_POLICY, queueOptions, RENDER_DEAD_LETTER_QUEUE, RENDER_QUEUE, type RenderQueuePolicy } from './render-job'

/**
 * pg-boss: the job queue lives in the same Postgres as the data (schema "pgboss"), so a job
 * and the task it belongs to share one source of truth and one backup. Chosen over
 * graphile-worker because pg-boss 10 runs on Node 20 (v11+ needs 22), has retries with
 * exponential backoff, job expiry (our outer lease), dead-letter queues and SKIP LOCKED
 * fetching built in, and needs no separate migration step (it installs its own schema).
 */
export interface BossOptions {
  connectionString: string
  /** The worker runs pg-boss maintenance (expiry, archiving); the web app only sends. */
  supervise: boolean
  max?: number
  applicationName?: string
}

export async function startBoss(o: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: o.connectionString,
    max: o.max ?? 3,
    // The pool is pg's, with its default idle timeout (10 s): idle connections close, so an
    // idle Aurora Serverless can pause.
    application_name: o.applicationName ?? 'bachata-buddy',
    supervise: o.supervise,
    schedule: false,
    migrate: true,
  })
  boss.on('error', (err) => logger.error({ err }, 'job queue error'))
  await boss.start()
  return boss
}

/** Creates both queues if missing. `apply` also writes the policy onto existing queues: the
 * worker owns the retry policy, the web app only makes sure a queue exists to send to. */
export async function ensureRenderQueues(boss: PgBoss, policy: RenderQueuePolicy = DEFAULT_RENDER_POLICY, apply = false): Promise<void> {
  await boss.createQueue(RENDER_DEAD_LETTER_QUEUE, { name: RENDER_DEAD_LETTER_QUEUE, retryLimit: 5, retryDelay: 5, retryBackoff: true })
  const options = { name: RENDER_QUEUE, policy: 'standard' as const, ...queueOptions(policy) }
  await boss.createQueue(RENDER_QUEUE, options)
  if (apply) await boss.updateQueue(RENDER_QUEUE, options)
}

const globalForBoss = globalThis as unknown as { __bbBoss?: Promise<PgBoss> }

/** The web app's sender, started once per process (kept on globalThis across dev reloads). */
export function getSenderBoss(): Promise<PgBoss> {
  globalForBoss.__bbBoss ??= (async () => {
    const boss = await startBoss({ connectionString: getEnv().DATABASE_URL, supervise: false, max: 2, applicationName: 'bachata-buddy-web' })
    await ensureRenderQueues(boss)
    return boss
  })().catch((e) => {
    globalForBoss.__bbBoss = undefined // try again on the next enqueue
    throw e
  })
  return globalForBoss.__bbBoss
}
