import { describe, expect, it } from 'vitest'
import { countAt, moveIndexAt, songTimeOf, videoStartOf, videoTimeOf, type TimedMove } from '@/components/practice/blueprint-timing'

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

describe('counts through a hold', () => {
  // An 8-count, a 4-count tag held (counts 5–8 again) with a 0.6 s pause after it, then the
  // next 8-count on the new count one. Written out by hand, as above.
  const tag = [14, 14.5, 15, 15.5, 16]
  const hold: TimedMove = {
    kind: 'hold', index: 1, name: 'Hold · 4 counts', songStart: 14, songEnd: 16.6, counts: 4, beatTimes: tag, calls: [5, 6, 7, 8],
    section: 'verse', why: { reason: '', scoreParts: {} },
  }
  const next = move(2, [16.6, 17.1, 17.6, 18.1, 18.6, 19.1, 19.6, 20.1, 20.6])
  const withHold = [move(0, a), hold, next]

  it('calls the counts the hold has, none in its pause, and one again on the new count one', () => {
    expect(countAt(withHold, 13.99)).toEqual({ move: 0, count: 8 })
    expect(countAt(withHold, 14)).toEqual({ move: 1, count: 5 })
    expect(countAt(withHold, 14.7)).toEqual({ move: 1, count: 6 })
    expect(countAt(withHold, 15.2)).toEqual({ move: 1, count: 7 })
    expect(countAt(withHold, 15.5)).toEqual({ move: 1, count: 8 })
    expect(countAt(withHold, 16.1)).toEqual({ move: 1, count: null })
    expect(countAt(withHold, 16.6)).toEqual({ move: 2, count: 1 })
  })

  it('a pause without a beat has no count at all', () => {
    const pause: TimedMove = { ...hold, name: 'Pause', counts: 0, beatTimes: [14], calls: [], songEnd: 15 }
    expect(countAt([move(0, a), pause], 14.5)).toEqual({ move: 1, count: null })
  })
})

describe('counts through the count-in', () => {
  // The four beats before move 0 (0.5 s apart, ending on its count one at 10 s), called 5–8.
  const countIn = { beatTimes: [8, 8.5, 9, 9.5, 10], calls: [5, 6, 7, 8] }

  it('starts the video on the first count-in beat, so the first move plays at 2 s of video', () => {
    const start = videoStartOf(10, countIn)
    expect(start).toBe(8)
    expect(videoTimeOf(moves[0].songStart, start)).toBe(2)
    expect(songTimeOf(0, start)).toBe(8)
    expect(videoStartOf(10, null)).toBe(10)
  })

  it('calls 5 6 7 8 on the song beats before the first move, then 1 on its count one', () => {
    expect(countAt(moves, 8, countIn)).toEqual({ move: 0, count: 5, countIn: true })
    expect(countAt(moves, 8.49, countIn)).toEqual({ move: 0, count: 5, countIn: true })
    expect(countAt(moves, 8.5, countIn)).toEqual({ move: 0, count: 6, countIn: true })
    expect(countAt(moves, 9.2, countIn)).toEqual({ move: 0, count: 7, countIn: true })
    expect(countAt(moves, 9.99, countIn)).toEqual({ move: 0, count: 8, countIn: true })
    expect(countAt(moves, 10, countIn)).toEqual({ move: 0, count: 1 })
    expect(countAt(moves, 14.5, countIn)).toEqual({ move: 1, count: 2 })
    // Without the count-in the same time is the first move held (a version 2 blueprint).
    expect(countAt(moves, 9, null)).toEqual({ move: 0, count: 1 })
  })

  it('calls what a short count-in has ("7 8")', () => {
    const short = { beatTimes: [9, 9.5, 10], calls: [7, 8] }
    expect(countAt(moves, 9.1, short)).toEqual({ move: 0, count: 7, countIn: true })
    expect(countAt(moves, 9.6, short)).toEqual({ move: 0, count: 8, countIn: true })
  })
})
