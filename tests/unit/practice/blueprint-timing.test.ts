import { describe, expect, it } from 'vitest'
import { countAt, moveIndexAt, type TimedMove } from '@/components/practice/blueprint-timing'

// Two moves written out by hand: an 8-count at 0.5 s a beat from 10 s, then a 16-count at
// 0.45 s a beat (the band sped up). Truth is read off these lists, not computed by a rule.
const a = [10, 10.5, 11, 11.5, 12, 12.5, 13, 13.5, 14]
const b = [14, 14.45, 14.9, 15.35, 15.8, 16.25, 16.7, 17.15, 17.6, 18.05, 18.5, 18.95, 19.4, 19.85, 20.3, 20.75, 21.2]
const move = (index: number, beatTimes: number[]): TimedMove => ({
  index, moveId: `m${index}`, name: `m${index}`, family: 'basic', songStart: beatTimes[0], songEnd: beatTimes[beatTimes.length - 1],
  counts: beatTimes.length - 1, beatTimes, connector: false, section: 'verse', difficulty: 'beginner', why: { reason: '', scoreParts: {} },
})
const moves = [move(0, a), move(1, b)]

describe('where the video is in the dance', () => {
  it('names the move and the count at any song time', () => {
    expect(countAt(moves, 10)).toEqual({ move: 0, count: 1 })
    expect(countAt(moves, 11.49)).toEqual({ move: 0, count: 3 })
    expect(countAt(moves, 11.5)).toEqual({ move: 0, count: 4 })
    expect(countAt(moves, 13.99)).toEqual({ move: 0, count: 8 })
    expect(countAt(moves, 14)).toEqual({ move: 1, count: 1 })
    expect(countAt(moves, 17.6)).toEqual({ move: 1, count: 1 }) // the second 8 of the 16-count
    expect(countAt(moves, 21.1)).toEqual({ move: 1, count: 8 })
  })

  it('holds the first move before it and the last move after the end', () => {
    expect(moveIndexAt(moves, 0)).toBe(0)
    expect(countAt(moves, 5)).toEqual({ move: 0, count: 1 })
    expect(countAt(moves, 99)).toEqual({ move: 1, count: 8 })
  })
})
