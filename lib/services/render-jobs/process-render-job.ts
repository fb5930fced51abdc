import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { getDb } from '@/lib/shared/db'
import type { Logger } from '@/lib/shared/logger'
import type { renderBlueprint } from '@/lib/engines/media/render-blueprint'
import type { Storage } from '@/lib/shared/storage/storage'
import { classifyRenderError, isAbortError } from './classify-render-error'
import { outputKeysFor } from './output-keys'
import { RenderJobSchema } from './render-job'
import { OUTPUT_REUSED, renderStatsOf, type RenderStats } from './render-stats'
import { claimTask, failTask, heartbeat, readTaskStatus, releaseTask, succeedTask } from './task-lease'

/**
 * One attempt of one render job, from the task row to the stored video. Returns what the
 * queue should do with the job; the worker loop (render-worker.ts) does it.
 */
export type JobOutcome =
  | { kind: 'complete'; note: string; stats?: RenderStats }
  /** Try again later (pg-boss retry with backoff). */
  | { kind: 'retry'; reason: string }
  /** Never again: the task is FAILED already. */
  | { kind: 'fail'; reason: string }
  /** Shutdown: back to the queue without using up an attempt. */
  | { kind: 'release' }
  /** Our lease ran out and someone else may own the job now: touch nothing. */
  | { kind: 'abandon' }

export interface RenderJobContext {
  job: { id: string; data: unknown; retryCount: number; retryLimit: number }
  storage: Storage
  render: typeof renderBlueprint
  workerId: string
  /** Per-task temp dirs go under it; removed after every attempt. */
  workRoot: string
  cacheDir: string
  leaseSeconds: number
  heartbeatMs: number
  /** Hard bound of one attempt (the job's expiry): the render is aborted after it. */
  timeoutMs: number
  /** Fires on worker shutdown once the grace period is over. */
  shutdown: AbortSignal
  /** Lets the worker ask for a heartbeat now (on a wake, e.g. after a cancel): returns an
   * unsubscribe function. */
  subscribeBeat?: (beat: () => void) => () => void
  log: Logger
}

type StopReason = 'shutdown' | 'lost' | 'timeout'

export async function processRenderJob(ctx: RenderJobContext): Promise<JobOutcome> {
  const payload = RenderJobSchema.safeParse(ctx.job.data)
  if (!payload.success) return { kind: 'fail', reason: 'invalid job payload' }
  const { taskId } = payload.data
  const log = ctx.log.child({ taskId, jobId: ctx.job.id })

  const row = await getDb().choreographyTask.findUnique({ where: { id: taskId }, include: { blueprint: true } })
  if (!row) return { kind: 'complete', note: 'task deleted' }
  if (row.status !== 'QUEUED' && row.status !== 'RUNNING') return { kind: 'complete', note: `task already ${row.status}` }
  if (!row.blueprint) {
    await failTask(taskId, 'This choreography has no blueprint to render')
    return { kind: 'fail', reason: 'no blueprint' }
  }
  const claimed = await claimTask(taskId, ctx.workerId, ctx.leaseSeconds)
  if (!claimed) return { kind: 'complete', note: 'another worker holds the task' }
  log.info({ attempt: claimed.attempts }, 'render started')

  // Leftovers of earlier attempts of this task on this machine belong to dead workers: the
  // claim above makes us the only one working on it.
  const taskDir = path.join(ctx.workRoot, taskId)
  await rm(taskDir, { recursive: true, force: true })
  const workDir = path.join(taskDir, `${ctx.job.id}-${ctx.job.retryCount}`)
  await mkdir(workDir, { recursive: true })

  const stop = new AbortController()
  let stopReason: StopReason | undefined
  const halt = (reason: StopReason) => {
    if (!stopReason) {
      stopReason = reason
      stop.abort(new Error(reason))
    }
  }
  const onShutdown = () => halt('shutdown')
  ctx.shutdown.addEventListener('abort', onShutdown)
  if (ctx.shutdown.aborted) halt('shutdown')
  const timeout = setTimeout(() => halt('timeout'), ctx.timeoutMs)

  // Heartbeat + progress share one guarded UPDATE; a 0-row result means cancelled or lost.
  let latest: { stage: string; progress: number } = { stage: 'preparing', progress: 0 }
  let lastWrite = 0
  let writing: Promise<void> = Promise.resolve()
  const beat = () => {
    writing = writing.then(async () => {
      if (stopReason) return
      lastWrite = Date.now()
      const alive = await heartbeat(taskId, ctx.workerId, ctx.leaseSeconds, latest).catch((err) => {
        log.warn({ err }, 'heartbeat failed')
        return true // a database blip: the lease outlives a few missed beats
      })
      if (!alive) halt('lost')
    })
    return writing
  }
  const ticker = setInterval(beat, ctx.heartbeatMs)
  const unsubscribe = ctx.subscribeBeat?.(() => void beat()) ?? (() => {})

  try {
    const keys = outputKeysFor(row.blueprint.hash)
    const done = await ctx.storage.head(keys.outputKey)
    let stats = OUTPUT_REUSED
    if (done && (await ctx.storage.head(keys.posterKey))) {
      // An earlier attempt (or another task with the same blueprint) already made it.
      log.info({ outputKey: keys.outputKey }, 'output exists, not rendering again')
    } else {
      const renderStarted = performance.now()
      const result = await ctx.render({
        blueprint: row.blueprint.data, storage: ctx.storage, workDir, cacheDir: ctx.cacheDir, signal: stop.signal,
        onProgress: async (p) => {
          const stageChanged = p.stage !== latest.stage
          latest = { stage: p.stage, progress: Math.min(97, p.progress * 0.97) }
          if (stageChanged || Date.now() - lastWrite > 500) await beat()
        },
      })
      latest = { stage: 'uploading', progress: 98 }
      await beat()
      if (stopReason) throw Object.assign(new Error('stopped'), { name: 'AbortError' })
      // Poster first: the video's presence is what marks a render as done.
      await ctx.storage.putFile(keys.posterKey, result.posterFile, { contentType: 'image/jpeg' })
      await ctx.storage.putFile(keys.outputKey, result.videoFile, { contentType: 'video/mp4' })
      // renderSeconds (wall time, upload included) feeds the render-duration alarm (infra/).
      const renderSeconds = Math.round((performance.now() - renderStarted) / 100) / 10
      stats = renderStatsOf(result, renderSeconds)
      log.info({ ...result.cache, segments: result.segments, seconds: result.durationSeconds, renderSeconds }, 'render finished')
    }
    await writing
    if (!(await succeedTask(taskId, ctx.workerId, keys, stats))) return afterLoss(taskId, log)
    return { kind: 'complete', note: 'rendered', stats }
  } catch (err) {
    await writing
    return await settleFailure({ err, taskId, ctx, log, stopReason, attempt: claimed.attempts })
  } finally {
    clearInterval(ticker)
    unsubscribe()
    clearTimeout(timeout)
    ctx.shutdown.removeEventListener('abort', onShutdown)
    await rm(taskDir, { recursive: true, force: true }).catch((err) => log.warn({ err }, 'could not remove the work dir'))
  }
}

/** We no longer hold the task: cancelled by the user (the job is done), or taken over. */
async function afterLoss(taskId: string, log: Logger): Promise<JobOutcome> {
  const now = await readTaskStatus(taskId)
  if (!now || now.status === 'CANCELLED' || now.status === 'SUCCEEDED' || now.status === 'FAILED') {
    log.info({ status: now?.status ?? 'deleted' }, 'render stopped: task ended elsewhere')
    return { kind: 'complete', note: `task ${now?.status ?? 'deleted'}` }
  }
  log.warn('render stopped: lease lost to another worker')
  return { kind: 'abandon' }
}

async function settleFailure(o: {
  err: unknown; taskId: string; ctx: RenderJobContext; log: Logger; stopReason: StopReason | undefined; attempt: number
}): Promise<JobOutcome> {
  const { err, taskId, ctx, log } = o
  if (o.stopReason === 'lost') return afterLoss(taskId, log)
  if (o.stopReason === 'shutdown') {
    if (!(await releaseTask(taskId, ctx.workerId, { stage: 'queued' }))) return afterLoss(taskId, log)
    log.info('render released on shutdown')
    return { kind: 'release' }
  }
  const failure = o.stopReason === 'timeout'
    ? { retryable: true, reason: `The render took longer than ${Math.round(ctx.timeoutMs / 60_000)} minutes` }
    : isAbortError(err) ? { retryable: true, reason: 'The render was interrupted' } : classifyRenderError(err)
  const lastAttempt = ctx.job.retryCount >= ctx.job.retryLimit
  log.warn({ err, retryable: failure.retryable, lastAttempt, attempt: o.attempt }, 'render attempt failed')
  if (failure.retryable && !lastAttempt) {
    // A render killed by a cancel can fail before the heartbeat reports the loss: a release
    // that finds the task no longer ours is that loss, not a reason to retry.
    const released = await releaseTask(taskId, ctx.workerId, { stage: 'retrying', error: `Attempt ${o.attempt} failed: ${failure.reason}; retrying` })
    if (!released) return afterLoss(taskId, log)
    return { kind: 'retry', reason: failure.reason }
  }
  const reason = failure.retryable
    ? `The video could not be rendered after ${ctx.job.retryCount + 1} attempts: ${failure.reason}`
    : `The video could not be rendered: ${failure.reason}`
  if (!(await failTask(taskId, reason, ctx.workerId))) return afterLoss(taskId, log)
  return { kind: 'fail', reason }
}
