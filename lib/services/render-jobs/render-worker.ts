import type PgBoss from 'pg-boss'
import type { Logger } from '@/lib/shared/logger'
import type { renderBlueprint } from '@/lib/engines/media/render-blueprint'
import type { Storage } from '@/lib/shared/storage/storage'
import { failJobForGood, releaseJob } from './pgboss-jobs'
import { handleDeadLetter } from './handle-dead-letter'
import { processRenderJob, type JobOutcome } from './process-render-job'
import { reapStaleJobs } from './reap-stale-jobs'
import { RENDER_DEAD_LETTER_QUEUE, RENDER_QUEUE } from './render-job'

export interface RenderWorkerOptions {
  boss: PgBoss
  storage: Storage
  render: typeof renderBlueprint
  workerId: string
  /** Jobs rendered at once (WORKER_CONCURRENCY). */
  concurrency: number
  pollIntervalMs: number
  workRoot: string
  cacheDir: string
  leaseSeconds: number
  heartbeatMs: number
  /** How often this worker looks for dead workers' jobs and lost enqueues. */
  reapIntervalMs: number
  orphanGraceSeconds: number
  expireInSeconds: number
  /** Runs after every render job (the cache prune, throttled by itself). */
  afterJob?: () => Promise<unknown>
  log: Logger
}

/**
 * The worker's loop: `concurrency` slots, each fetching one job at a time (pg-boss fetch is
 * SELECT … FOR UPDATE SKIP LOCKED, so any number of worker processes share the queue), plus
 * a reaper. It polls, and wake() cuts the wait short when the web app says work arrived.
 * stop() stops fetching, gives running renders a grace period, then aborts and releases them.
 */
export class RenderWorker {
  private stopping = false
  private readonly shutdown = new AbortController()
  private readonly sleepers = new Set<() => void>()
  private readonly beats = new Set<() => void>()
  private readonly slots: Promise<void>[] = []
  private reaper?: NodeJS.Timeout
  private reaping = false
  active = 0
  processed = 0

  constructor(private readonly o: RenderWorkerOptions) {}

  start(): void {
    for (let i = 0; i < this.o.concurrency; i++) this.slots.push(this.runSlot())
    this.reaper = setInterval(() => void this.reap(), this.o.reapIntervalMs)
    void this.reap()
  }

  /** Work arrived (or a task was cancelled): idle slots fetch now, running renders check
   * their task now instead of at the next heartbeat. */
  wake(): void {
    for (const resolve of this.sleepers) resolve()
    this.sleepers.clear()
    for (const beat of this.beats) beat()
  }

  get isStopping(): boolean {
    return this.stopping
  }

  /** Finish within `graceMs`, else abort the renders and release their jobs (no attempt lost). */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true
    clearInterval(this.reaper)
    this.wake()
    const all = Promise.all(this.slots)
    let timer: NodeJS.Timeout | undefined
    const graceOver = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), graceMs) })
    if ((await Promise.race([all.then(() => 'done' as const), graceOver])) === 'timeout') {
      this.o.log.warn({ active: this.active }, 'grace period over: aborting renders and releasing their jobs')
      this.shutdown.abort()
      await all
    }
    clearTimeout(timer)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.sleepers.delete(done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.sleepers.add(done)
    })
  }

  private async runSlot(): Promise<void> {
    while (!this.stopping) {
      let worked = false
      try {
        worked = (await this.runOne(RENDER_QUEUE)) || (await this.runOne(RENDER_DEAD_LETTER_QUEUE))
      } catch (err) {
        this.o.log.error({ err }, 'worker slot error')
      }
      if (!worked && !this.stopping) await this.sleep(this.o.pollIntervalMs)
    }
  }

  private async runOne(queue: string): Promise<boolean> {
    if (this.stopping) return false
    const [job] = await this.o.boss.fetch<unknown>(queue, { batchSize: 1, includeMetadata: true })
    if (!job) return false
    if (this.stopping && queue === RENDER_QUEUE) {
      await releaseJob(this.o.boss, job.id) // fetched as the shutdown began: leave it to the next worker
      return false
    }
    this.active++
    try {
      if (queue === RENDER_DEAD_LETTER_QUEUE) {
        await handleDeadLetter(this.o.boss, job, this.o.log)
        await this.o.boss.complete(queue, job.id)
        return true
      }
      const outcome = await processRenderJob({
        job: { id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit },
        storage: this.o.storage, render: this.o.render, workerId: this.o.workerId,
        workRoot: this.o.workRoot, cacheDir: this.o.cacheDir,
        leaseSeconds: this.o.leaseSeconds, heartbeatMs: this.o.heartbeatMs,
        timeoutMs: Math.max(10_000, this.o.expireInSeconds * 1000 - 60_000),
        shutdown: this.shutdown.signal, log: this.o.log,
        subscribeBeat: (beat) => {
          this.beats.add(beat)
          return () => this.beats.delete(beat)
        },
      })
      await this.settle(job.id, outcome)
      this.processed++
      await this.o.afterJob?.()
      return true
    } finally {
      this.active--
    }
  }

  private async settle(jobId: string, outcome: JobOutcome): Promise<void> {
    const { boss } = this.o
    switch (outcome.kind) {
      case 'complete': return void (await boss.complete(RENDER_QUEUE, jobId, { note: outcome.note, ...(outcome.stats ? { render: outcome.stats } : {}) }))
      case 'retry': return void (await boss.fail(RENDER_QUEUE, jobId, { message: outcome.reason }))
      case 'fail': return failJobForGood(boss, jobId, outcome.reason)
      case 'release': return void (await releaseJob(boss, jobId))
      case 'abandon': return
    }
  }

  private async reap(): Promise<void> {
    if (this.reaping || this.stopping) return
    this.reaping = true
    try {
      await reapStaleJobs({
        boss: this.o.boss, leaseSeconds: this.o.leaseSeconds, orphanGraceSeconds: this.o.orphanGraceSeconds, log: this.o.log,
      })
    } catch (err) {
      this.o.log.warn({ err }, 'reaper pass failed')
    } finally {
      this.reaping = false
    }
  }
}
