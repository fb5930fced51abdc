import { describe, expect, it } from 'vitest'
import { clamp01, mean, median, percentile } from '@/lib/shared/numbers'

describe('shared numeric helpers', () => {
  it('nearest-rank percentile and an upper median that is always a value present', () => {
    expect(percentile([5, 1, 4, 2, 3], 0)).toBe(1)
    expect(percentile([5, 1, 4, 2, 3], 100)).toBe(5)
    expect(percentile(Array.from({ length: 101 }, (_, i) => 100 - i), 95)).toBe(95)
    expect(median([4, 1, 3, 2])).toBe(3)
    expect(median([9, 1, 5])).toBe(5)
    expect(median(new Float32Array([2, 10]))).toBe(10)
  })

  it('says 0 for no values instead of NaN, and clamps what is not finite to 0', () => {
    expect(mean([])).toBe(0)
    expect(percentile([], 50)).toBe(0)
    expect(mean([1, 2, 6])).toBe(3)
    expect([clamp01(-2), clamp01(0.4), clamp01(7), clamp01(Infinity), clamp01(NaN)]).toEqual([0, 0.4, 1, 1, 0])
  })
})
