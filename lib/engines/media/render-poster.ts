import { stat } from 'node:fs/promises'
import { runRenderFfmpeg } from './render-ffmpeg'

/**
 * The choreography's poster: one JPEG frame of the finished video, `width` pixels wide. The
 * caller picks the moment (a frame inside the first full move looks better than frame 0,
 * which may be a lead-in).
 */
export async function renderPoster(o: { videoFile: string; atSeconds: number; outFile: string; width?: number; timeoutMs: number; signal?: AbortSignal }): Promise<void> {
  await runRenderFfmpeg(
    [
      '-ss', Math.max(0, o.atSeconds).toFixed(3), '-i', o.videoFile,
      '-frames:v', '1', '-vf', `scale=${o.width ?? 640}:-2`, '-q:v', '4',
      '-f', 'image2', '-c:v', 'mjpeg', '-y', o.outFile,
    ],
    { what: 'poster', timeoutMs: o.timeoutMs, signal: o.signal },
  )
  if (!((await stat(o.outFile).catch(() => null))?.size)) throw new Error('ffmpeg poster wrote no image')
}
