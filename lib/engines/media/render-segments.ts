import { rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { RenderAbortError } from './render-errors'
import type { LocalClip } from './render-inputs'
import type { OverlayRequest } from './render-overlay'
import type { RenderPlan, SegmentPlan } from './render-plan'
import { renderSegment } from './render-segment'
import { lookupSegment, reserveSegment, segmentKey } from './segment-cache'
import { frameAnchors, sourceFrameAt } from './render-time-map'

export interface RenderSegmentsOptions {
  plan: RenderPlan
  clips: Map<string, LocalClip>
  cacheDir: string
  workDir: string
  /** Encodes at once; each gets cores / (encodes running) threads. */
  concurrency: number
  signal?: AbortSignal
  onProgress?: (framesDone: number, totalFrames: number) => Promise<void>
}

interface Job {
  key: string
  seg: SegmentPlan
  overlay: OverlayRequest
  stillFrame?: number
  file: string | null
}

/** Generous bound per encode: start-up plus 100 ms a frame (≈10× the measured cost). */
const segmentTimeoutMs = (frames: number) => 30_000 + frames * 100

/**
 * Every segment of the plan as a file, in order: from the cache when an identical segment was
 * rendered before (by this job or any earlier one), else encoded now, a few at a time. One
 * failure stops the other encodes at once. Returns the files and how many were encoded.
 */
export async function renderSegments(o: RenderSegmentsOptions): Promise<{ files: string[]; encoded: number }> {
  const jobs = new Map<string, Job>()
  const keys = o.plan.segments.map((seg) => {
    // The count-in is counts and nothing else, whatever the overlays: it is what the dancers wait for.
    const overlay: OverlayRequest = seg.countIn
      ? { counts: true, moveName: null, calls: seg.calls, countIn: true }
      : { counts: o.plan.overlays.counts, moveName: o.plan.overlays.moveNames ? seg.name : null, ...(seg.calls ? { calls: seg.calls } : {}) }
    const clip = o.clips.get(seg.clipKey)!
    // The clip frame the move before showed last: the same map its own segment used.
    const stillFrame = seg.still && sourceFrameAt(frameAnchors(seg.still.clipTimes, seg.still.countFrames, clip.fps), seg.still.frame)
    const key = segmentKey({
      clipSha256: clip.sha256, clipTimes: seg.clipTimes, countFrames: seg.countFrames, frames: seg.frames,
      output: o.plan, overlay, ...(stillFrame === undefined ? {} : { stillFrame }),
    })
    if (!jobs.has(key)) jobs.set(key, { key, seg, overlay, stillFrame, file: null })
    return key
  })
  for (const job of jobs.values()) job.file = await lookupSegment(o.cacheDir, job.key)
  const todo = [...jobs.values()].filter((j) => !j.file)
  const totalFrames = todo.reduce((n, j) => n + j.seg.frames, 0)
  let framesDone = 0

  const failed = new AbortController()
  const signal = o.signal ? AbortSignal.any([o.signal, failed.signal]) : failed.signal
  // Cores shared by the encodes that really run: a regenerated move's lone segment gets them all.
  // (x264 writes the same stream headers for any thread count, so the join is unaffected.)
  const running = Math.min(Math.max(1, o.concurrency), todo.length)
  const threads = Math.max(1, Math.floor(availableParallelism() / Math.max(1, running)))
  let next = 0
  let firstError: unknown = null

  async function worker() {
    while (next < todo.length && !signal.aborted) {
      const job = todo[next++]
      const clip = o.clips.get(job.seg.clipKey)!
      const slot = await reserveSegment(o.cacheDir, job.key)
      try {
        await renderSegment({
          clipFile: clip.file, clipFps: clip.fps, clipSize: clip,
          clipTimes: job.seg.clipTimes, countFrames: job.seg.countFrames, frames: job.seg.frames,
          output: o.plan, overlay: job.overlay, stillFrame: job.stillFrame,
          outFile: slot.partial, scratchDir: join(o.workDir, `segment-${job.key.slice(0, 12)}`),
          threads, timeoutMs: segmentTimeoutMs(job.seg.frames), signal,
        })
        job.file = await slot.commit()
      } finally {
        await rm(slot.partial, { force: true })
      }
      framesDone += job.seg.frames
      await o.onProgress?.(framesDone, totalFrames)
    }
  }
  const workers = Array.from({ length: running }, () =>
    worker().catch((e: unknown) => {
      // Keep the first real cause; the encodes it cancels only report aborts.
      if (firstError === null || (firstError instanceof RenderAbortError && !(e instanceof RenderAbortError))) firstError = e
      failed.abort()
    }),
  )
  await Promise.all(workers)
  if (o.signal?.aborted) throw new RenderAbortError(o.signal.reason)
  if (firstError !== null) throw firstError
  return { files: keys.map((k) => jobs.get(k)!.file!), encoded: todo.length }
}
