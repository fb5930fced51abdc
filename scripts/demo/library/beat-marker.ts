import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { LIBRARY_FORMAT } from '@/lib/engines/media/library-format'

/**
 * THE BEAT MARKER (a contract with the render worker's tests): a square in the top-left
 * corner, pure white for the first BEAT_FLASH_SECONDS of every count and pure black
 * otherwise. x and y are fractions of the frame width and height, size a fraction of the
 * frame height; use markerRect() to get pixels so every side rounds the same way.
 */
export const BEAT_MARKER = { x: 0.02, y: 0.03, size: 0.08 } as const
export const BEAT_FLASH_SECONDS = 0.1
/** Extra seconds after the last count so retiming never runs out of frames. */
export const CLIP_TAIL_SECONDS = 0.4

export interface PixelRect { x: number; y: number; w: number; h: number }

const even = (v: number) => 2 * Math.round(v / 2)

/** The beat marker in pixels for a frame size (even coordinates, so 4:2:0 chroma never smears it). */
export function markerRect(width: number, height: number): PixelRect {
  const side = Math.max(4, even(BEAT_MARKER.size * height))
  return { x: even(BEAT_MARKER.x * width), y: even(BEAT_MARKER.y * height), w: side, h: side }
}

type Timing = Pick<MoveAnnotation, 'firstCountOffset' | 'nativeBpm' | 'counts'>

export const beatSeconds = (m: Pick<MoveAnnotation, 'nativeBpm'>) => 60 / m.nativeBpm

/** Clip time (s) at which each count starts, count k (0-based) at offset + k·60/bpm. */
export function countStartTimes(m: Timing): number[] {
  const beat = beatSeconds(m)
  return Array.from({ length: m.counts }, (_, k) => m.firstCountOffset + k * beat)
}

/** Length of a demo clip: lead-in, the counts, and a short tail. */
export function clipDurationSeconds(m: Timing): number {
  return m.firstCountOffset + m.counts * beatSeconds(m) + CLIP_TAIL_SECONDS
}

/** Frame index of the first frame at or after each count start: where a flash must begin. */
export function expectedFlashFrames(m: Timing, fps: number = LIBRARY_FORMAT.fps): number[] {
  return countStartTimes(m).map((t) => Math.max(0, Math.ceil(t * fps - 1e-6)))
}
