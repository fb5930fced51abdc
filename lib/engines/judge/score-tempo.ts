import { mean } from '@/lib/shared/numbers'
import { localBeatPeriod } from './read-song-grid'
import { FRAME_SECONDS, type JudgeContext } from './judge-types'

/**
 * How far a clip may be sped up or slowed down before the dancing in it looks rushed or
 * dragged (a tempo difference dancers notice at once beyond about a tenth).
 */
export const RATE_TOLERANCE = 0.12
/** How close the danced tempo must come to the song's for the steps to stay on the beat over 8 counts. */
export const SYNC_TOLERANCE = 0.03

export interface TempoScore {
  /** Share of moves whose clip needs a rate within ±12 % to match the song (clip native tempo vs song tempo): the quality score. */
  withinTolerance: number
  /** Share of moves the blueprint plays at that rate, from the clip's own count one, filling their span (a fault: it enters the danceable share). */
  inSync: number
  meanAbsRateDelta: number
  score: number
  /** Per move: the clip's counts land on the song's counts. */
  perMoveInSync: boolean[]
}

/**
 * Tempo ratios from first principles: the song tempo over each move from the analysed beats,
 * the clip's tempo from its annotation; the rate that makes them meet is their ratio.
 */
export function scoreTempo(ctx: JudgeContext): TempoScore {
  const { grid, moves, annotations } = ctx
  const within: number[] = []
  const sync: number[] = []
  const deltas: number[] = []
  moves.forEach((m, i) => {
    const a = annotations[i]
    if (!a) { within.push(0); sync.push(0); return }
    const songBpm = 60 / localBeatPeriod(grid, m.songStart, m.songEnd)
    const needed = songBpm / a.nativeBpm
    deltas.push(Math.abs(needed - 1))
    within.push(Number(Math.abs(needed - 1) <= RATE_TOLERANCE + 1e-9))
    const span = m.songEnd - m.songStart
    const rateRight = Math.abs(m.playbackRate / needed - 1) <= SYNC_TOLERANCE
    // The clip's count one is firstCountOffset seconds in; starting elsewhere puts the steps off the count.
    const fromCountOne = Math.abs(m.clipIn - a.firstCountOffset) <= FRAME_SECONDS * m.playbackRate
    const fills = Math.abs((m.clipOut - m.clipIn) / m.playbackRate / span - 1) <= SYNC_TOLERANCE
    sync.push(Number(rateRight && fromCountOne && fills))
  })
  const withinTolerance = mean(within)
  const inSync = mean(sync)
  return { withinTolerance, inSync, meanAbsRateDelta: mean(deltas), score: withinTolerance, perMoveInSync: sync.map(Boolean) }
}
