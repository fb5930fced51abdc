import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { analyzeSongFile } from '@/lib/engines/audio/analyze-song-file'
import { isAppError } from '@/lib/shared/errors'

/**
 * A worker thread's whole life: analyse one file (decode with ffmpeg, then seconds of CPU in
 * analyzePcm), post the result or the error, end. Started by analyze-in-worker.ts.
 */
const { file } = workerData as { file: string }

// Behind the request thread: on Linux a thread's nice value is its own (setpriority with pid 0
// names the calling thread), and ffmpeg, started from here, inherits it. A long analysis then
// takes what the requests leave (bench:load measures /api/health during one).
try {
  setPriority(10)
} catch {
  // not permitted here: the normal priority
}

analyzeSongFile(file).then(
  (analysis) => parentPort!.postMessage({ ok: true, analysis }),
  (e: unknown) => parentPort!.postMessage({
    ok: false,
    // An AppError (415, 422: not audio, too long…) crosses as data and is rebuilt on the other side.
    error: isAppError(e)
      ? { code: e.code, message: e.message, status: e.status, fields: e.fields }
      : { message: e instanceof Error ? e.message : String(e) },
  }),
)
