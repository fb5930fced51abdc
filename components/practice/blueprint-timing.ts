/**
 * Where the video is in the dance: which move, which count. Driven by the blueprint's own
 * beat times (the times the worker rendered each count at), so the overlay and the video
 * agree by construction of the render, not by a tempo guess here.
 */
export interface TimedMove {
  index: number
  moveId: string
  name: string
  family: string
  songStart: number
  songEnd: number
  counts: number
  beatTimes: number[]
  connector: boolean
  section: string
  difficulty: string
  why: { reason: string; scoreParts: Record<string, number> }
}

/** Video time 0 is the blueprint's start in the song. */
export const songTimeOf = (videoTime: number, blueprintStart: number) => blueprintStart + videoTime
export const videoTimeOf = (songTime: number, blueprintStart: number) => Math.max(0, songTime - blueprintStart)

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

/** The count (1–8) at a song time: the last beat of the move at or before it. */
export function countAt(moves: readonly TimedMove[], songTime: number): { move: number; count: number } {
  const move = moveIndexAt(moves, songTime)
  const beats = moves[move].beatTimes
  let k = 0
  for (let i = 0; i < beats.length - 1; i++) if (beats[i] <= songTime + 1e-6) k = i
  return { move, count: (k % 8) + 1 }
}
