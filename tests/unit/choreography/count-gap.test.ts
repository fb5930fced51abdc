import { describe, expect, it } from 'vitest'
import { countGap } from '@/lib/engines/choreography/count-gap'

describe('countGap', () => {
  it('counts the beats before a pause inside a count-one gap and holds the rest, never an even split over it', () => {
    // Six beats at 0.5 s, a 3 s silence, two pickup beats, then the next count one at 7 s.
    const beats = [0, 0.5, 1, 1.5, 2, 2.5, 6, 6.5, 7]
    const g = countGap(beats, 0, 7, 0.5)
    expect(g.times).toEqual([0, 0.5, 1, 1.5, 2, 2.5])
    expect(g.countsEnd).toBeCloseTo(3, 9)
    expect(g.pause).toBeCloseTo(4, 9)
  })

  it('still splits evenly when the beats are unclean without a pause', () => {
    const g = countGap([0, 0.5, 0.6, 1.5, 2, 2.5, 3, 3.5, 4], 0, 4, 0.5)
    expect(g.times).toHaveLength(8)
    expect(g.pause).toBe(0)
  })
})
