import { mkdir } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import type { ObjectSource } from './object-source'
import { encodeSongAudio } from './render-audio'
import { RenderAbortError, throwIfAborted } from './render-errors'
import { fetchRenderInputs } from './render-inputs'
import { joinSegments, muxVideoAudio } from './render-join'
import { parseRenderBlueprint } from './render-parse-blueprint'
import { planRender } from './render-plan'
import { renderPoster } from './render-poster'
import { createProgressReporter, type RenderProgress } from './render-progress'
import { renderSegments } from './render-segments'

export type { RenderProgress } from './render-progress'
export { RenderAbortError, isRenderInputError, isRetryableRenderError } from './render-errors'

export interface RenderBlueprintOptions {
  /** Validated here with BlueprintSchema; every key checked with assertSafeKey. */
  blueprint: unknown
  /** Clips and the song are read from it. */
  storage: ObjectSource
  /** Per-job temp dir; the caller deletes it afterwards. */
  workDir: string
  /** Segment, audio and source cache shared across jobs (e.g. .data/segment-cache). */
  cacheDir: string
  onProgress?: (p: RenderProgress) => void | Promise<void>
  /** Abort → ffmpeg is killed at once and the call rejects with an AbortError. */
  signal?: AbortSignal
  /** Segment encodes at once (default: one per core, at most 2). */
  concurrency?: number
}

export interface RenderBlueprintResult {
  videoFile: string
  posterFile: string
  /** Length of the video: round((end − videoStart)·fps) frames (videoStart: the count-in's first beat, else start). */
  durationSeconds: number
  /** Segments not encoded by this render (found in the cache or repeated within it). */
  cacheHits: number
  segments: number
  /** What this render found in the worker's caches and what it had to make or download. */
  cache: RenderCacheReport
}

export interface RenderCacheReport {
  /** = cacheHits: segments found in the cache (or repeated within this render). */
  segmentHits: number
  /** Segments encoded by this render. */
  segmentMisses: number
  /** The song's audio track came from the cache. */
  audioHit: boolean
  /** Clips and song read from the source cache / downloaded from storage. */
  sourceHits: number
  sourceMisses: number
}

/** Bounds for the steps after the segments, generous for a 15-minute song on a busy box. */
const AUDIO_TIMEOUT_MS = 300_000
const JOIN_TIMEOUT_MS = 120_000
const MUX_TIMEOUT_MS = 120_000
const POSTER_TIMEOUT_MS = 30_000

/**
 * Blueprint → MP4 (H.264 + AAC, +faststart) and a JPEG poster, both inside workDir.
 *
 * Every move becomes one segment: its clip retimed count by count onto the song's beats and
 * scaled to the output size (render-plan.ts, render-time-map.ts), encoded once and cached
 * (segment-cache.ts). The song's span is encoded to AAC alongside (also cached), the segments
 * are joined without re-encoding, and both are muxed. Invalid blueprints, unsafe keys and
 * missing clips fail with a non-retryable render_input_* AppError before any ffmpeg runs.
 */
export async function renderBlueprint(o: RenderBlueprintOptions): Promise<RenderBlueprintResult> {
  const bp = parseRenderBlueprint(o.blueprint)
  const plan = planRender(bp)
  const report = createProgressReporter(o.onProgress)
  throwIfAborted(o.signal)
  const workDir = resolve(o.workDir)
  const cacheDir = resolve(o.cacheDir)
  // Our own stop switch as well as the caller's: when one step fails, the audio encode
  // running beside the segments is killed too, so no ffmpeg outlives this call.
  const stop = new AbortController()
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal
  let audio: Promise<{ file: string }> | null = null
  try {
    await report('preparing', 0)
    await mkdir(workDir, { recursive: true })
    await mkdir(cacheDir, { recursive: true })
    const inputs = await fetchRenderInputs({
      bp, storage: o.storage, cacheDir, signal,
      onFetched: (done, total) => report('preparing', done / total),
    })

    const audioJob = encodeSongAudio({
      songFile: inputs.song.file, songSha256: inputs.song.sha256, channels: inputs.song.channels,
      sampleRate: inputs.song.sampleRate, start: plan.audioStart, duration: plan.audioDuration,
      cacheDir, timeoutMs: AUDIO_TIMEOUT_MS, signal,
    })
    audio = audioJob
    audio.catch(() => undefined) // awaited below; this only keeps an early failure from going unhandled

    await report('segments', 0)
    const { files, encoded } = await renderSegments({
      plan, clips: inputs.clips, cacheDir, workDir,
      concurrency: o.concurrency ?? Math.min(2, availableParallelism()),
      signal,
      onProgress: (done, total) => report('segments', done / total),
    })

    await report('joining', 0)
    const joined = join(workDir, 'joined.mp4')
    await joinSegments({
      segments: files.map((file, i) => ({ file, frames: plan.segments[i].frames })),
      fps: plan.fps, listFile: join(workDir, 'segments.txt'), outFile: joined,
      timeoutMs: JOIN_TIMEOUT_MS, signal,
    })

    await report('muxing', 0)
    const videoFile = join(workDir, 'choreography.mp4')
    const { file: audioFile, cached: audioHit } = await audioJob
    await muxVideoAudio({ videoFile: joined, audioFile, outFile: videoFile, timeoutMs: MUX_TIMEOUT_MS, signal })

    await report('poster', 0)
    const posterFile = join(workDir, 'poster.jpg')
    // Halfway through the second move (or the first): past the count-in and any lead-in, into the dancing.
    const dancing = plan.segments.filter((s) => !s.countIn)
    const seg = dancing[Math.min(1, dancing.length - 1)]
    await renderPoster({
      videoFile, outFile: posterFile, atSeconds: (seg.startFrame + seg.frames / 2) / plan.fps,
      timeoutMs: POSTER_TIMEOUT_MS, signal,
    })
    throwIfAborted(o.signal)
    await report('poster', 1)

    return {
      videoFile,
      posterFile,
      durationSeconds: plan.totalFrames / plan.fps,
      cacheHits: plan.segments.length - encoded,
      segments: plan.segments.length,
      cache: {
        segmentHits: plan.segments.length - encoded,
        segmentMisses: encoded,
        audioHit,
        sourceHits: inputs.sources.reused,
        sourceMisses: inputs.sources.fetched,
      },
    }
  } catch (e) {
    // The caller's abort wins over whatever error the killed step reported.
    if (o.signal?.aborted) throw new RenderAbortError(o.signal.reason)
    throw e
  } finally {
    stop.abort()
    await audio?.catch(() => undefined)
  }
}
