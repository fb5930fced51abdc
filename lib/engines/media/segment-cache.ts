import { createHash, randomUUID } from 'node:crypto'
import { mkdir, rename, stat, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { SEGMENT_ENCODING } from './render-segment'
import type { OverlayRequest } from './render-overlay'
import { ffmpegBuildKey } from './ffmpeg'

/**
 * Rendered segments shared by every job on a worker, one file per key under
 * `<cacheDir>/<2 hex>/<key>.mp4`. The key covers everything that decides the segment's
 * pixels: the clip's content hash, the count times in the clip, the frame map, the length,
 * the output format, the overlays and the encoder settings, so a hit is always safe to
 * concatenate. Files appear by rename (a reader never sees half a segment; two jobs racing
 * on one key both write complete, identical files). A hit touches the file's mtime so
 * pruneRenderCache (prune-render-cache.ts) can drop the least recently used first.
 */
export const SEGMENT_CACHE_VERSION = 1

export interface SegmentKeyInput {
  clipSha256: string
  clipTimes: number[]
  countFrames: number[]
  frames: number
  output: { width: number; height: number; fps: number }
  overlay: OverlayRequest
  /** A hold: the one clip frame it shows. */
  stillFrame?: number
}

/** Microsecond rounding: float noise in the blueprint must not split identical segments. */
const us = (t: number) => Math.round(t * 1e6)

export function segmentKey(input: SegmentKeyInput): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        v: SEGMENT_CACHE_VERSION,
        enc: SEGMENT_ENCODING,
        clip: input.clipSha256,
        clipTimes: input.clipTimes.map(us),
        countFrames: input.countFrames,
        frames: input.frames,
        output: [input.output.width, input.output.height, input.output.fps],
        overlay: [input.overlay.counts, input.overlay.moveName],
        // Only holds carry these, so every move segment keeps the key it had before holds.
        ...(input.stillFrame === undefined ? {} : { still: input.stillFrame }),
        ...(input.overlay.calls ? { calls: input.overlay.calls } : {}),
        ...(input.overlay.countIn ? { countIn: true } : {}),
        // Another x264 writes other stream headers, and segments are joined by stream copy:
        // a segment from one ffmpeg build must never meet one from another.
        ...(ffmpegBuildKey() ? { ffmpeg: ffmpegBuildKey() } : {}),
      }),
    )
    .digest('hex')
    .slice(0, 40)
}

/** Segments are .mp4; the muxed-ready song audio (render-audio.ts) shares the cache as .m4a. */
export type CachedExt = 'mp4' | 'm4a'

export function segmentPath(cacheDir: string, key: string, ext: CachedExt = 'mp4'): string {
  return join(cacheDir, key.slice(0, 2), `${key}.${ext}`)
}

/** The cached file's path, or null on a miss. Touches the file on a hit (LRU). */
export async function lookupSegment(cacheDir: string, key: string, ext: CachedExt = 'mp4'): Promise<string | null> {
  const file = segmentPath(cacheDir, key, ext)
  try {
    const s = await stat(file)
    if (!s.isFile() || s.size === 0) return null
    const now = new Date()
    await utimes(file, now, now).catch(() => undefined) // read-only cache: still a hit
    return file
  } catch {
    return null
  }
}

/** A temp path beside the final one (same filesystem, so the commit is an atomic rename). */
export async function reserveSegment(
  cacheDir: string,
  key: string,
  ext: CachedExt = 'mp4',
): Promise<{ partial: string; commit: () => Promise<string> }> {
  const file = segmentPath(cacheDir, key, ext)
  await mkdir(join(cacheDir, key.slice(0, 2)), { recursive: true })
  const partial = `${file}.${randomUUID()}.partial`
  return {
    partial,
    commit: async () => {
      await rename(partial, file)
      return file
    },
  }
}
