import { describe, expect, it } from 'vitest'
import { measureEnergyEnvelope } from '@/lib/engines/audio/measure-energy-envelope'

const SR = 8000
/** Seconds of a sine at an amplitude (1 = full scale), then the next part. */
function parts(...spec: Array<[seconds: number, amplitude: number]>): Float32Array {
  const out = new Float32Array(spec.reduce((n, [s]) => n + s * SR, 0))
  let at = 0
  for (const [s, a] of spec) {
    for (let i = 0; i < s * SR; i++) out[at + i] = a * Math.sin((2 * Math.PI * 220 * i) / SR)
    at += s * SR
  }
  return out
}

describe('measureEnergyEnvelope', () => {
  it('draws the loud passages near 1, a part 18 dB down near the middle, and silence at 0', () => {
    // 18 dB down = amplitude × 10^(-18/20) ≈ 0.126: half of the 36 dB the plot spans.
    const env = measureEnergyEnvelope(parts([4, 0.8], [2, 0.8 * 10 ** (-18 / 20)], [2, 0], [4, 0.8]), SR)
    expect(env.hopSeconds).toBe(0.5)
    expect(env.values).toHaveLength(24)
    const at = (t: number) => env.values[Math.floor(t / 0.5)]
    expect(at(1)).toBeCloseTo(1, 2)
    expect(at(5)).toBeGreaterThan(0.45)
    expect(at(5)).toBeLessThan(0.55)
    expect(at(7)).toBe(0)
    expect(at(10)).toBeCloseTo(1, 2)
  })

  it('is relative to the song: a master 12 dB quieter draws the same curve', () => {
    const loud = measureEnergyEnvelope(parts([3, 0.8], [3, 0.2], [3, 0.8]), SR)
    const quiet = measureEnergyEnvelope(parts([3, 0.2], [3, 0.05], [3, 0.2]), SR)
    expect(quiet.values).toEqual(loud.values)
  })

  it('digital silence is all floor, not all loud', () => {
    expect(new Set(measureEnergyEnvelope(new Float32Array(SR * 3), SR).values)).toEqual(new Set([0]))
  })
})
