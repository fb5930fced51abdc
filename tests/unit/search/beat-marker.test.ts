import { describe, expect, it } from 'vitest'
import { findMarkerOnsets } from '@/tests/fixtures/beat-marker/find-marker-onsets'
import { LIBRARY_FORMAT } from '@/lib/engines/media/library-format'
import { BEAT_MARKER, clipDurationSeconds, countStartTimes, expectedFlashFrames, markerRect } from '@/scripts/demo/library/beat-marker'

const timing = { firstCountOffset: 0.35, nativeBpm: 128, counts: 8 as const }

/** Synthetic gray frames with the marker painted white on the given frames. */
function frames(width: number, height: number, n: number, white: Set<number>, noise = 0): Uint8Array[] {
  const r = markerRect(width, height)
  return Array.from({ length: n }, (_, i) => {
    const f = new Uint8Array(width * height).map((_, p) => (p * 31 + i * 7) % (noise + 1))
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) f[y * width + x] = white.has(i) ? 235 : 16 + (f[y * width + x] % 8)
    return f
  })
}

describe('library format and the beat marker contract', () => {
  it('is one H.264 yuv420p 30 fps format without audio', () => {
    expect(LIBRARY_FORMAT).toMatchObject({ videoCodec: 'h264', pixelFormat: 'yuv420p', fps: 30, audio: false, faststart: true })
    expect([[1280, 720], [960, 540]]).toContainEqual([LIBRARY_FORMAT.width, LIBRARY_FORMAT.height])
  })

  it('places the marker as an even-pixel square in the top-left corner at any frame size', () => {
    for (const [w, h] of [[960, 540], [1280, 720], [640, 360]]) {
      const r = markerRect(w, h)
      expect(r.w).toBe(r.h)
      expect([r.x, r.y, r.w].every((v) => v % 2 === 0)).toBe(true)
      expect(r.x + r.w).toBeLessThan(w / 4)
      expect(r.y + r.h).toBeLessThan(h / 4)
      expect(Math.abs(r.w - BEAT_MARKER.size * h)).toBeLessThanOrEqual(2)
    }
  })

  it('times counts from the first-count offset at the native tempo', () => {
    const starts = countStartTimes(timing)
    expect(starts).toHaveLength(8)
    expect(starts[0]).toBeCloseTo(0.35)
    expect(starts[4] - starts[3]).toBeCloseTo(60 / 128)
    expect(clipDurationSeconds(timing)).toBeCloseTo(0.35 + 8 * 60 / 128 + 0.4)
    // 0.35 s is frame 10.5: the flash starts on the first frame at or after it.
    expect(expectedFlashFrames(timing)[0]).toBe(11)
    expect(expectedFlashFrames({ ...timing, firstCountOffset: 0 })[0]).toBe(0)
  })

  it('finds exactly the flash onsets in decoded frames, even with noise', () => {
    const white = new Set([3, 4, 5, 20, 21, 22, 37, 38])
    const found = findMarkerOnsets({ frames: frames(160, 90, 45, white, 12), width: 160, height: 90, fps: 30 })
    expect(found.map((o) => o.frame)).toEqual([3, 20, 37])
    expect(found[1].time).toBeCloseTo(20 / 30)
  })

  it('reports no onsets for an all-black marker and rejects short frames', () => {
    expect(findMarkerOnsets({ frames: frames(160, 90, 10, new Set()), width: 160, height: 90, fps: 30 })).toEqual([])
    expect(() => findMarkerOnsets({ frames: [new Uint8Array(10)], width: 160, height: 90, fps: 30 })).toThrow(/shorter/)
  })
})
