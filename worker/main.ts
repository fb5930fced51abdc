import './service-name'
import { mkdir } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { checkHealth, mediaToolsReady } from '@/lib/services/health/check-health'
import { checkMediaTools } from '@/lib/engines/media/ffmpeg'
import { disconnectDb } from '@/lib/shared/db'
import { getEnv } from '@/lib/shared/env'
import { ensureRenderQueues, startBoss } from '@/lib/services/render-jobs/get-boss'
import { RenderWorker } from '@/lib/services/render-jobs/render-worker'
import { scheduleCachePrune } from '@/lib/services/render-jobs/schedule-cache-prune'
import { logger } from '@/lib/shared/logger'
import { renderBlueprint } from '@/lib/engines/media/render-blueprint'
import { getStorage } from '@/lib/shared/storage/get-storage'
import { readWorkerConfig } from './config'
import { createWorkerServer } from './http-server'

/** After a job, the render cache is pruned at most this often. */
const CACHE_PRUNE_INTERVAL_MS = 60_000

/**
 * The render worker service (`npm run worker`; compiled for its image by
 * scripts/build-worker.ts): renders queued blueprints with FFmpeg into storage and moves each
 * task to SUCCEEDED/FAILED. Imports lib/ only, never Next.js.
 * In production it is its own container that may scale to zero: the web app wakes it with
 * POST /jobs/wake. WORKER_MODE=poll (default): it also polls, so a lost wake only delays a
 * job. WORKER_MODE=request (App Runner): it never polls and touches the database only inside
 * a wake, rendering within the request; between wakes its connections close.
 */
async function main() {
  const env = getEnv()
  const config = readWorkerConfig(process.env)
  const log = logger.child({ workerId: config.workerId })
  // Without ffmpeg every job would fail on a spawn ENOENT: refuse to start instead, with the
  // one line that says what to install (on stderr as plain text, for a person to read).
  const { notice, ok } = checkMediaTools()
  if (!ok) {
    console.error(`worker: ${notice}`)
    process.exit(1)
  }
  if (notice) log.warn(notice)
  if (!env.WORKER_SECRET) log.warn('WORKER_SECRET is not set: /jobs/wake refuses every call; jobs are found by polling only')
  await mkdir(config.workRoot, { recursive: true })
  await mkdir(config.cacheDir, { recursive: true })

  const polling = config.mode === 'poll'
  const boss = await startBoss({
    // Request mode runs pg-boss's maintenance inside each wake instead of on a timer.
    connectionString: env.DATABASE_URL, supervise: polling, max: config.concurrency + 3, applicationName: 'bachata-buddy-worker',
  })
  await ensureRenderQueues(boss, config.policy, true)
  const cachePrune = scheduleCachePrune({
    cacheDir: config.cacheDir, ...config.cache,
    // A running render may still read what it looked up when it started: never older than this.
    keepRecentMs: config.policy.expireInSeconds * 1000,
    minIntervalMs: CACHE_PRUNE_INTERVAL_MS, log,
  })
  void cachePrune.maybePrune() // what the last run of this worker left
  const worker = new RenderWorker({
    boss, storage: getStorage(), render: renderBlueprint, workerId: config.workerId,
    concurrency: config.concurrency, pollIntervalMs: config.pollIntervalMs,
    workRoot: config.workRoot, cacheDir: config.cacheDir,
    leaseSeconds: config.leaseSeconds, heartbeatMs: config.heartbeatMs, reapIntervalMs: config.reapIntervalMs,
    orphanGraceSeconds: config.orphanGraceSeconds,
    expireInSeconds: config.policy.expireInSeconds, afterJob: () => cachePrune.maybePrune(), log,
  })

  const server = createWorkerServer({
    secret: env.WORKER_SECRET,
    wake: () => {
      worker.wake() // running renders check their task now (a cancel lands at once)
      return polling ? undefined : worker.drain(config.requestBudgetMs).then((r) => ({ ...r }))
    },
    live: () => ({ ok: true, mode: config.mode, active: worker.active, stopping: worker.isStopping }),
    health: async () => {
      const h = await checkHealth()
      return {
        ok: h.ok && mediaToolsReady(h) && !worker.isStopping, db: h.db, ffmpeg: h.ffmpeg, ffprobe: h.ffprobe,
        active: worker.active, processed: worker.processed, stopping: worker.isStopping,
      }
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, resolve)
  })
  if (polling) worker.start()
  const { port } = server.address() as AddressInfo
  log.info({ port, mode: config.mode, concurrency: config.concurrency, storage: env.STORAGE_DRIVER }, `worker listening on http://${config.host}:${port}`)

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal, graceSeconds: config.graceMs / 1000 }, 'shutting down: finishing or releasing running renders')
    server.close()
    server.closeAllConnections()
    await worker.stop(config.graceMs)
    await boss.stop({ graceful: false, close: true }).catch((err) => log.warn({ err }, 'queue stop failed'))
    await disconnectDb().catch(() => {})
    log.info('worker stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((err) => {
  logger.fatal({ err }, 'worker failed to start')
  process.exit(1)
})
