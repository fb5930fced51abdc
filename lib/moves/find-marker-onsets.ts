import { markerRect, type PixelRect } from './library-format'

export interface GrayFrames {
  /** One 8-bit luma plane per frame, row-major, width × height bytes each. */
  frames: Uint8Array[]
  width: number
  height: number
  fps: number
  /** Where the marker is inside these frames; defaults to markerRect(width, height). */
  region?: PixelRect
}

export interface MarkerOnset { frame: number; time: number }

/**
 * Finds the beat-marker flashes in decoded grayscale frames: the frames where the marker
 * square turns white after being dark. Only the inner part of the square is sampled so
 * compression ringing at its edges cannot flip a frame; the threshold sits midway between
 * black and white so limited-range (16–235) and full-range decodes both work.
 */
export function findMarkerOnsets(input: GrayFrames, opts: { threshold?: number } = {}): MarkerOnset[] {
  const { width, height, fps } = input
  const rect = input.region ?? markerRect(width, height)
  const inset = Math.floor(rect.w / 4)
  const threshold = opts.threshold ?? 128
  const onsets: MarkerOnset[] = []
  let wasWhite = false
  input.frames.forEach((plane, i) => {
    if (plane.length < width * height) throw new Error(`frame ${i} is shorter than ${width}x${height}`)
    const white = meanLuma(plane, width, rect.x + inset, rect.y + inset, rect.w - 2 * inset, rect.h - 2 * inset) >= threshold
    if (white && !wasWhite) onsets.push({ frame: i, time: i / fps })
    wasWhite = white
  })
  return onsets
}

function meanLuma(plane: Uint8Array, stride: number, x: number, y: number, w: number, h: number): number {
  let sum = 0
  for (let row = y; row < y + h; row++) {
    for (let col = x; col < x + w; col++) sum += plane[row * stride + col]
  }
  return sum / (w * h)
}
