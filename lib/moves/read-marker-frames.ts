import { runFfmpeg } from '@/lib/media/ffmpeg'
import type { GrayFrames } from './find-marker-onsets'
import { LIBRARY_FORMAT, markerRect } from './library-format'

/**
 * Decodes only the beat-marker square of every frame of a video as 8-bit gray, so checking
 * the beat sync of a long clip costs kilobytes, not gigabytes. The source frame size must be
 * given (from probeClip) because the marker is defined relative to it.
 */
export async function readMarkerFrames(
  file: string,
  opts: { width: number; height: number; fps?: number; timeoutMs?: number },
): Promise<GrayFrames> {
  const rect = markerRect(opts.width, opts.height)
  const fps = opts.fps ?? LIBRARY_FORMAT.fps
  const { stdout } = await runFfmpeg(
    ['-i', file, '-vf', `crop=${rect.w}:${rect.h}:${rect.x}:${rect.y},format=gray`, '-vsync', 'passthrough', '-f', 'rawvideo', 'pipe:1'],
    { encoding: 'buffer', timeout: opts.timeoutMs ?? 60_000, maxBuffer: 512 * 1024 * 1024 },
  )
  const bytes = stdout as unknown as Uint8Array
  const size = rect.w * rect.h
  const frames: Uint8Array[] = []
  for (let off = 0; off + size <= bytes.length; off += size) frames.push(bytes.subarray(off, off + size))
  return { frames, width: rect.w, height: rect.h, fps, region: { x: 0, y: 0, w: rect.w, h: rect.h } }
}
