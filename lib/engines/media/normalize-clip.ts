import { rename, rm } from 'node:fs/promises'
import { LIBRARY_FORMAT, libraryEncodeArgs } from '@/lib/engines/media/library-format'
import { AppError } from '@/lib/shared/errors'
import { runFfmpeg } from './ffmpeg'
import { probeClip, type ClipInfo } from './probe-clip'

/**
 * Re-encodes an uploaded clip once into the library format (H.264 yuv420p, 30 fps, 960x540
 * letterboxed, no audio, faststart), so the render worker never meets a surprise codec,
 * frame rate or aspect ratio. Writes to a temporary name and renames on success.
 */
export async function normalizeClip(
  input: string,
  output: string,
  opts: { timeoutMs?: number; preset?: string } = {},
): Promise<ClipInfo> {
  const { width: W, height: H, fps } = LIBRARY_FORMAT
  const partial = `${output}.partial`
  const vf = [
    `scale=${W}:${H}:force_original_aspect_ratio=decrease`,
    `pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=black`,
    'setsar=1',
    `fps=${fps}`,
    `format=${LIBRARY_FORMAT.pixelFormat}`,
  ].join(',')
  try {
    await runFfmpeg(
      ['-i', input, '-map', '0:v:0', '-vf', vf, ...libraryEncodeArgs({ preset: opts.preset ?? 'veryfast' }), '-y', partial],
      { timeout: opts.timeoutMs ?? 180_000 },
    )
    await rename(partial, output)
  } catch (e) {
    await rm(partial, { force: true })
    if ((e as { timedOut?: boolean }).timedOut) throw new AppError('unavailable', 'Normalising the clip took too long', 503)
    throw AppError.unsupportedMedia('The clip could not be converted to the library format')
  }
  return probeClip(output)
}
