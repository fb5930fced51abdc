import type PgBoss from 'pg-boss'
import type { Logger } from '@/lib/shared/logger'
import type { renderBlueprint } from '@/lib/engines/media/render-blueprint'
import type { Storage } from '@/lib/shared/storage/storage'
import { failJobForGood, releaseJob } from './pgboss-jobs'
import { handleDeadLetter } from './handle-dead-letter'
import { processRenderJob, type JobOutcome } from './process-render-job'
import { reapStaleJobs } from './reap-stale-jobs'
import { RENDER_DEAD_LETTER_QUEUE, RENDER_QUEUE } from './render-job'

export interface DrainResult {
  /** Jobs finished (rendered, failed or released) in this drain. */
  processed: number
  /** Jobs still wait in the queue: wake again. */
  more: boolean
  /** The budget ran out (a render may have been released). */
  budgetSpent: boolean
}

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
  private draining?: Promise<DrainResult>
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

  /**
   * Request mode (no start(), no polling): render inside the caller's HTTP request. Runs
   * pg-boss maintenance and the reaper once, then `concurrency` slots fetch and render until
   * the queue is empty or `budgetMs` is spent; a render still running then is aborted and
   * its job released (no attempt used), so the request ends inside the platform's limit.
   * A wake that arrives during a drain joins it. `more`: jobs wait in the queue (a released
   * render, a retry whose delay has not passed): the caller should wake again.
   */
  drain(budgetMs: number): Promise<DrainResult> {
    this.draining ??= this.drainOnce(budgetMs).finally(() => { this.draining = undefined })
    return this.draining
  }

  private async drainOnce(budgetMs: number): Promise<DrainResult> {
    // An explicit timer, not AbortSignal.timeout(): a timeout signal held only by AbortSignal.any
    // can be collected before it fires, and then the budget never ends (a CI run saw a 2 s budget
    // render a 90 s video to the end, budgetSpent false).
    const budget = new AbortController()
    const timer = setTimeout(() => budget.abort(new Error('request budget spent')), budgetMs)
    try {
      return await this.drainWithin(AbortSignal.any([this.shutdown.signal, budget.signal]))
    } finally {
      clearTimeout(timer)
    }
  }

  private async drainWithin(signal: AbortSignal): Promise<DrainResult> {
    const before = this.processed
    await this.o.boss.maintain().catch((err) => this.o.log.warn({ err }, 'queue maintenance failed'))
    await this.reap()
    const slot = async () => {
      while (!this.stopping && !signal.aborted) {
        const worked = (await this.runOne(RENDER_QUEUE, signal)) || (await this.runOne(RENDER_DEAD_LETTER_QUEUE, signal))
        if (!worked) return
      }
    }
    await Promise.all(Array.from({ length: this.o.concurrency }, slot))
    const waiting = await this.o.boss.getQueueSize(RENDER_QUEUE, { before: 'active' })
    return { processed: this.processed - before, more: waiting > 0, budgetSpent: signal.aborted }
  }

  /** Finish within `graceMs`, else abort the renders and release their jobs (no attempt lost). */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true
    clearInterval(this.reaper)
    this.wake()
    // A drain in flight (request mode) gets the same grace as the polling slots.
    const all = Promise.all([...this.slots, this.draining?.catch(() => undefined)])
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
        worked = (await this.runOne(RENDER_QUEUE, this.shutdown.signal)) || (await this.runOne(RENDER_DEAD_LETTER_QUEUE, this.shutdown.signal))
      } catch (err) {
        this.o.log.error({ err }, 'worker slot error')
      }
      if (!worked && !this.stopping) await this.sleep(this.o.pollIntervalMs)
    }
  }

  /** `halt` aborts a running render and releases its job: shutdown, or a drain's budget. */
  private async runOne(queue: string, halt: AbortSignal): Promise<boolean> {
    if (this.stopping || halt.aborted) return false
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
        shutdown: halt, log: this.o.log,
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
