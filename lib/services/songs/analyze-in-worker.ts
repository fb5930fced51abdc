import os from 'node:os'
import { Worker } from 'node:worker_threads'
import type { SongAnalysis } from '@/lib/engines/audio'
import type { ClipTiming } from '@/lib/engines/audio/find-clip-timing'
import { AppError, type ErrorCode } from '@/lib/shared/errors'
import { getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'

/**
 * Audio analysis off the request thread (a song's, and a move clip's timing). analyzePcm is seconds of synchronous CPU for a long
 * song (~6 s for 15 minutes); on the server's event loop it stalled every other request,
 * health checks included. Each analysis runs in a worker thread of its own, at most
 * ANALYSIS_CONCURRENCY at once; more wait their turn in a bounded queue, beyond which the
 * upload is refused with 503 and Retry-After.
 *
 * Hand-written rather than a pool library (piscina): the bundler (Turbopack) builds a worker
 * only from `new Worker(new URL('./file', import.meta.url))` written out in the source; a
 * library given a path at run time would point the built app at a file that is not there.
 * A thread per analysis (tens of ms to start against seconds of work) keeps a crash or a
 * leak confined to one upload.
 */
const MAX_WAITING = 16

/** What a worker thread is asked to do: a whole song's analysis, or a dance clip's tempo and count. */
export type AnalysisJob = { kind: 'song' | 'clip'; file: string }

type Outcome =
  | { ok: true; result: unknown }
  | { ok: false; error: { code?: ErrorCode; message: string; status?: number; fields?: Record<string, string[]> } }

let running = 0
const waiting: Array<() => void> = []

export const analysisConcurrency = () => getEnv().ANALYSIS_CONCURRENCY ?? Math.max(1, os.availableParallelism() - 1)

/** Threads free now: the sweep claims no more interrupted analyses than can start at once. */
export const analysisSlotsFree = () => (waiting.length > 0 ? 0 : Math.max(0, analysisConcurrency() - running))

/** True when a new job would be refused: the upload checks before it stores anything. */
export const analysisQueueFull = () => running >= analysisConcurrency() && waiting.length >= MAX_WAITING

async function takeTurn(): Promise<void> {
  if (running < analysisConcurrency()) {
    running++
    return
  }
  if (waiting.length >= MAX_WAITING) throw AppError.unavailable('Too many songs are being analysed right now, try again in a minute', 30)
  // The slot is handed over by the finishing job, so `running` stays counted.
  await new Promise<void>((resolve) => waiting.push(resolve))
}

function releaseTurn(): void {
  const next = waiting.shift()
  if (next) next()
  else running--
}

export const analyzeInWorker = (file: string) => runInWorker({ kind: 'song', file }) as Promise<SongAnalysis>

export const measureClipInWorker = (file: string) => runInWorker({ kind: 'clip', file }) as Promise<ClipTiming>

async function runInWorker(job: AnalysisJob): Promise<unknown> {
  await takeTurn()
  const started = performance.now()
  try {
    logger.info({ kind: job.kind, file: job.file.slice(-12), running }, `${job.kind} analysis started`)
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { workerData: job })
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`analysis worker exited with code ${code} before answering`)))
    })
    if (outcome.ok) return outcome.result
    const { code, message, status, fields } = outcome.error
    throw code && status ? new AppError(code, message, status, fields) : new Error(message)
  } finally {
    logger.info({ kind: job.kind, ms: Math.round(performance.now() - started) }, `${job.kind} analysis finished`)
    releaseTurn()
  }
}
