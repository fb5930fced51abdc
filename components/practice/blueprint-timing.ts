/**
 * Where the video is in the dance: which move, which count. Driven by the blueprint's own
 * beat times (the times the worker rendered each count at), so the overlay and the video
 * agree by construction of the render, not by a tempo guess here.
 */
export interface TimedMove {
  /** A hold (tag, short bar, pause) has no move, clip or family; blueprints before version 2 have no kind. */
  kind?: 'move' | 'hold'
  index: number
  moveId?: string
  name: string
  family?: string
  songStart: number
  songEnd: number
  counts: number
  beatTimes: number[]
  /** A hold's called counts, one per count (a tag is 5–8 again). */
  calls?: number[]
  connector?: boolean
  section: string
  difficulty?: string
  why: { reason: string; scoreParts: Record<string, number> }
}

export const isHold = (m: TimedMove) => m.kind === 'hold'

/** The song's beats before the first move, called 5–8, then the first move's count one (blueprints from version 3). */
export interface TimedCountIn {
  beatTimes: number[]
  calls: number[]
}

/** Song time of the video's first frame: the count-in's first beat, else the blueprint's start. */
export const videoStartOf = (blueprintStart: number, countIn?: TimedCountIn | null) => countIn?.beatTimes[0] ?? blueprintStart

/** Video time 0 is the video's start in the song (see videoStartOf). */
export const songTimeOf = (videoTime: number, videoStart: number) => videoStart + videoTime
export const videoTimeOf = (songTime: number, videoStart: number) => Math.max(0, songTime - videoStart)

/** The move playing at a song time (the last one holds through the end). */
export function moveIndexAt(moves: readonly TimedMove[], songTime: number): number {
  let lo = 0, hi = moves.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (moves[mid].songStart <= songTime + 1e-6) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * The count (1–8) at a song time: the last beat of the move at or before it. A hold's counts
 * are the ones it calls; in the beatless pause after them there is no count (null). Before
 * the first move, the count-in calls its counts (5 6 7 8), marked `countIn`.
 */
export function countAt(
  moves: readonly TimedMove[], songTime: number, countIn?: TimedCountIn | null,
): { move: number; count: number | null; countIn?: true } {
  if (countIn && moves.length > 0 && songTime < moves[0].songStart - 1e-6) {
    let k = 0
    for (let i = 0; i < countIn.calls.length; i++) if (countIn.beatTimes[i] <= songTime + 1e-6) k = i
    return { move: 0, count: countIn.calls[k] ?? null, countIn: true }
  }
  const move = moveIndexAt(moves, songTime)
  const m = moves[move]
  const beats = m.beatTimes
  let k = 0
  for (let i = 0; i < beats.length - 1; i++) if (beats[i] <= songTime + 1e-6) k = i
  if (!m.calls) return { move, count: (k % 8) + 1 }
  const pause = beats.length === 1 || songTime >= beats[beats.length - 1] - 1e-6
  return { move, count: pause ? null : m.calls[k] ?? null }
}
