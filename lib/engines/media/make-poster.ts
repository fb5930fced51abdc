import { rm, stat } from 'node:fs/promises'
import { AppError } from '@/lib/shared/errors'
import { runFfmpeg } from './ffmpeg'

export interface PosterOptions {
  /** Where to grab the frame; clamped into the clip. Defaults to 1 s (past any fade-in). */
  atSeconds?: number
  /** Clip duration if known, so the grab point stays inside it. */
  durationSeconds?: number
  width?: number
  timeoutMs?: number
}

/** Grabs one frame as a JPEG poster for the library UI; falls back to the first frame. */
export async function makePoster(input: string, output: string, opts: PosterOptions = {}): Promise<void> {
  const width = opts.width ?? 640
  const wanted = opts.atSeconds ?? 1
  const at = opts.durationSeconds ? Math.min(wanted, opts.durationSeconds / 2) : wanted
  for (const seek of at > 0 ? [at, 0] : [0]) {
    await rm(output, { force: true })
    try {
      await runFfmpeg(
        ['-ss', seek.toFixed(3), '-i', input, '-frames:v', '1', '-vf', `scale=${width}:-2`, '-q:v', '4', '-f', 'image2', '-c:v', 'mjpeg', '-y', output],
        { timeout: opts.timeoutMs ?? 20_000 },
      )
    } catch {
      continue
    }
    if ((await stat(output).catch(() => null))?.size) return
  }
  throw AppError.unsupportedMedia('Could not extract a poster frame from the clip')
}
