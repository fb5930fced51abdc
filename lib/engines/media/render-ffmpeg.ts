import { runFfmpeg } from './ffmpeg'
import { RenderAbortError } from './render-errors'

export interface RenderFfmpegOptions {
  /** What this call does, for error messages ("segment 3", "mux"). */
  what: string
  timeoutMs: number
  signal?: AbortSignal
  cwd?: string
}

/**
 * Every ffmpeg call of a render goes through here: bounded by a timeout and killed with
 * SIGKILL the moment the job is aborted (outputs are temp files the caller throws away, so
 * there is nothing to finish gracefully). Failures name the step and carry ffmpeg's last
 * stderr lines; an abort becomes RenderAbortError.
 */
export async function runRenderFfmpeg(args: string[], opts: RenderFfmpegOptions): Promise<void> {
  if (opts.signal?.aborted) throw new RenderAbortError(opts.signal.reason)
  try {
    await runFfmpeg(args, {
      timeout: opts.timeoutMs,
      cancelSignal: opts.signal,
      killSignal: 'SIGKILL',
      cwd: opts.cwd,
      stdin: 'ignore',
      stdout: 'ignore',
    })
  } catch (e) {
    if (opts.signal?.aborted) throw new RenderAbortError(opts.signal.reason)
    const err = e as { timedOut?: boolean; stderr?: string; shortMessage?: string }
    if (err.timedOut) throw new Error(`ffmpeg ${opts.what} timed out after ${Math.round(opts.timeoutMs / 1000)} s`)
    const tail = String(err.stderr ?? '').trim().split('\n').slice(-3).join(' | ')
    throw new Error(`ffmpeg ${opts.what} failed: ${tail || err.shortMessage || 'unknown error'}`, { cause: e })
  }
}
