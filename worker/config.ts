import { hostname, tmpdir } from 'node:os'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'

/**
 * The worker's own settings (lib/shared/env.ts holds the shared ones: DATABASE_URL, storage,
 * WORKER_SECRET). Parsed once with zod; a bad value stops the worker with its name.
 */
const int = (def: number, min = 1) => z.coerce.number().int().min(min).default(def)

export const WorkerConfigSchema = z.object({
  /** App Runner and docker set PORT; WORKER_PORT wins when both are set. */
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  WORKER_HOST: z.string().default('0.0.0.0'),
  /** poll: a long-lived process that polls the queue (and is woken early). request: it never
   * polls; each POST /jobs/wake renders inside the request until the queue is empty or the
   * budget is spent (App Runner gives an instance CPU only while a request is in flight). */
  WORKER_MODE: z.enum(['poll', 'request']).default('poll'),
  /** request mode: a wake renders at most this long, then releases the job and answers. Keep
   * it under the platform's request limit (App Runner: 120 s). */
  WORKER_REQUEST_BUDGET_SECONDS: z.coerce.number().min(1).default(100),
  WORKER_CONCURRENCY: int(1),
  WORKER_POLL_SECONDS: z.coerce.number().min(0.5).default(5),
  WORKER_LEASE_SECONDS: int(30, 3),
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().min(0.2).optional(),
  WORKER_REAP_SECONDS: z.coerce.number().min(0.5).default(10),
  /** A QUEUED task this old without a job gets one (its enqueue was lost). */
  WORKER_ORPHAN_GRACE_SECONDS: z.coerce.number().min(1).default(60),
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).default(20),
  RENDER_ATTEMPTS: int(3),
  RENDER_RETRY_DELAY_SECONDS: int(5),
  RENDER_TIMEOUT_SECONDS: int(30 * 60, 60),
  WORKER_WORK_DIR: z.string().optional(),
  WORKER_CACHE_DIR: z.string().optional(),
  /** The render cache's budget (segments, audio, source clips and songs together): 2 GiB. */
  RENDER_CACHE_MAX_BYTES: int(2 * 1024 ** 3, 0),
  /** Cached files unused for this long are deleted whatever the budget. */
  RENDER_CACHE_MAX_AGE_DAYS: z.coerce.number().min(0).default(30),
  WORKER_ID: z.string().regex(/^[\w.:-]{1,100}$/).optional(),
})

export interface WorkerConfig {
  port: number
  host: string
  mode: 'poll' | 'request'
  requestBudgetMs: number
  concurrency: number
  pollIntervalMs: number
  leaseSeconds: number
  heartbeatMs: number
  reapIntervalMs: number
  orphanGraceSeconds: number
  graceMs: number
  policy: { attempts: number; retryDelaySeconds: number; expireInSeconds: number }
  workRoot: string
  cacheDir: string
  cache: { maxBytes: number; maxAgeMs: number }
  workerId: string
}

export function readWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const parsed = WorkerConfigSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid worker environment:\n${lines.join('\n')}\nSee worker/README.md.`)
  }
  const c = parsed.data
  return {
    port: c.WORKER_PORT ?? c.PORT ?? 4100,
    host: c.WORKER_HOST,
    mode: c.WORKER_MODE,
    requestBudgetMs: c.WORKER_REQUEST_BUDGET_SECONDS * 1000,
    concurrency: c.WORKER_CONCURRENCY,
    pollIntervalMs: c.WORKER_POLL_SECONDS * 1000,
    leaseSeconds: c.WORKER_LEASE_SECONDS,
    // Three beats per lease: two can be missed before the lease runs out.
    heartbeatMs: (c.WORKER_HEARTBEAT_SECONDS ?? c.WORKER_LEASE_SECONDS / 3) * 1000,
    reapIntervalMs: c.WORKER_REAP_SECONDS * 1000,
    orphanGraceSeconds: c.WORKER_ORPHAN_GRACE_SECONDS,
    graceMs: c.WORKER_SHUTDOWN_GRACE_SECONDS * 1000,
    policy: { attempts: c.RENDER_ATTEMPTS, retryDelaySeconds: c.RENDER_RETRY_DELAY_SECONDS, expireInSeconds: c.RENDER_TIMEOUT_SECONDS },
    // Temp files are per machine; the segment cache survives restarts when on a volume.
    workRoot: path.resolve(c.WORKER_WORK_DIR ?? path.join(tmpdir(), 'bachata-render')),
    cacheDir: path.resolve(c.WORKER_CACHE_DIR ?? '.data/segment-cache'),
    cache: { maxBytes: c.RENDER_CACHE_MAX_BYTES, maxAgeMs: c.RENDER_CACHE_MAX_AGE_DAYS * 86_400_000 },
    workerId: c.WORKER_ID ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
  }
}
