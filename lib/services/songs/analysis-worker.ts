import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { analyzePcm, decodeAudio } from '@/lib/engines/audio'
import { analyzeSongFile } from '@/lib/engines/audio/analyze-song-file'
import { findClipTiming } from '@/lib/engines/audio/find-clip-timing'
import { isAppError } from '@/lib/shared/errors'
import type { AnalysisJob } from './analyze-in-worker'

/**
 * A worker thread's whole life: one job (decode with ffmpeg, then seconds of CPU in
 * analyzePcm), post the result or the error, end. Started by analyze-in-worker.ts.
 */
const job = workerData as AnalysisJob

// Behind the request thread: on Linux a thread's nice value is its own (setpriority with pid 0
// names the calling thread), and ffmpeg, started from here, inherits it. A long analysis then
// takes what the requests leave (bench:load measures /api/health during one).
try {
  setPriority(10)
} catch {
  // not permitted here: the normal priority
}

/** Shorter than this a clip's music has no tempo to find (16 beats at the fastest bachata is ~5 s). */
const MIN_CLIP_AUDIO_SECONDS = 2

async function run(): Promise<unknown> {
  if (job.kind === 'song') return analyzeSongFile(job.file)
  const { pcm, sampleRate } = await decodeAudio(job.file, { minSeconds: MIN_CLIP_AUDIO_SECONDS, timeoutMs: 30_000 })
  return findClipTiming(analyzePcm(pcm, sampleRate))
}

run().then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (e: unknown) => parentPort!.postMessage({
    ok: false,
    // An AppError (415, 422: not audio, too long…) crosses as data and is rebuilt on the other side.
    error: isAppError(e)
      ? { code: e.code, message: e.message, status: e.status, fields: e.fields }
      : { message: e instanceof Error ? e.message : String(e) },
  }),
)
