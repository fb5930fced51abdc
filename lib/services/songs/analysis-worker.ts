import { parentPort, workerData } from 'node:worker_threads'
import { analyzeSongFile } from '@/lib/engines/audio/analyze-song-file'
import { isAppError } from '@/lib/shared/errors'

/**
 * A worker thread's whole life: analyse one file (decode with ffmpeg, then seconds of CPU in
 * analyzePcm), post the result or the error, end. Started by analyze-in-worker.ts.
 */
const { file } = workerData as { file: string }

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
