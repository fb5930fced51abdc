import { mean } from '@/lib/shared/numbers'
import { beatsIn, distanceToNearest } from './read-song-grid'
import { FRAME_SECONDS, type JudgeContext } from './judge-types'

export interface TimingScore {
  /** Share of moves starting within one frame of one of the analysis's count ones. */
  onCountOne: number
  /** Share of moves that fill whole 8-counts: from a count one to a count one (or the grid's end), over exactly their counts of beats, across no tag or short bar. */
  wholeEightCounts: number
  meanStartErrorMs: number
  maxStartErrorMs: number
  /** Per move: on a count one / filling whole 8-counts. */
  perMove: { onCountOne: boolean[]; whole: boolean[] }
}

/** Where each move starts and ends against the song's own 8-count grid. */
export function scoreTiming(ctx: JudgeContext): TimingScore {
  const { grid, moves } = ctx
  const errors = moves.map((m) => distanceToNearest(grid.countOnes, m.songStart))
  const onOne = errors.map((e) => e <= FRAME_SECONDS)
  const whole = moves.map((m, i) => {
    if (!onOne[i] || m.counts % 8 !== 0) return false
    if (distanceToNearest(grid.boundaries, m.songEnd) > FRAME_SECONDS) return false
    if (beatsIn(grid, m.songStart, m.songEnd) !== m.counts) return false
    // An irregularity inside the move means the music's count restarts under it.
    return !grid.irregularTimes.some((t) => t > m.songStart + FRAME_SECONDS && t < m.songEnd - FRAME_SECONDS)
  })
  return {
    onCountOne: mean(onOne.map(Number)),
    wholeEightCounts: mean(whole.map(Number)),
    meanStartErrorMs: mean(errors) * 1000,
    maxStartErrorMs: Math.max(0, ...errors) * 1000,
    perMove: { onCountOne: onOne, whole },
  }
}
