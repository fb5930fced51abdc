import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { median } from '@/lib/shared/numbers'

/**
 * The song's 8-count grid as the judge reads it from the analysis alone: its count-ones, the
 * ends of its phrases, its beats and where the arrangement leaves the lattice. Deliberately
 * simpler than the engine's slot builder (no hold placement, no clean-up of beats): the judge
 * only asks "is this time a count one" and "how many beats does this span hold".
 */
export interface SongGrid {
  /** analysis.countOne, sorted. */
  countOnes: number[]
  /** Where an 8-count may end: every count one, every phrase end, where the arrangement leaves the lattice, and the 8th beat after the last count one; sorted. */
  boundaries: number[]
  beats: number[]
  /** Median beat gap over the whole song (seconds). */
  beatPeriod: number
  /** Times where the count gains or loses beats (a tag, a short bar, a restart). */
  irregularTimes: number[]
  firstCountOne: number
  /** End of the last 8-count the analysis reports (its last phrase's end). */
  gridEnd: number
}

const gapsOf = (times: readonly number[]) => times.slice(1).map((t, i) => t - times[i])

export function readSongGrid(analysis: SongAnalysis): SongGrid {
  const countOnes = [...analysis.countOne].sort((a, b) => a - b)
  const beats = [...analysis.beats].sort((a, b) => a - b)
  const gaps = gapsOf(beats)
  const beatPeriod = gaps.length ? median(gaps) : countOnes.length > 1 ? median(gapsOf(countOnes)) / 8 : 0.5
  const phraseEnds = analysis.phrases.map((p) => p.end)
  const last = countOnes[countOnes.length - 1] ?? 0
  // The last 8-count has no next count one: it ends on its 8th beat (when the beats go that far).
  const i = beats.findIndex((b) => Math.abs(b - last) < beatPeriod / 4)
  // Past the song's last beat, it ends 8 beats on at the tempo the song had there.
  const near = beats.filter((b) => Math.abs(b - last) <= 8 * beatPeriod)
  const lastEighth = i >= 0 && i + 8 < beats.length ? [beats[i + 8]]
    : [last + 8 * (near.length >= 3 ? median(gapsOf(near)) : beatPeriod)]
  // A tag, a short bar or a pause starts where the last whole 8-count before it ends.
  const leaves = analysis.irregularities.map((x) => x.time)
  const boundaries = [...new Set([...countOnes, ...phraseEnds, ...leaves, ...lastEighth])].sort((a, b) => a - b)
  const gridEnd = Math.max(...phraseEnds, ...lastEighth)
  return {
    countOnes,
    boundaries,
    beats,
    beatPeriod,
    irregularTimes: analysis.irregularities.filter((i) => i.counts !== 0).map((i) => i.time),
    firstCountOne: countOnes[0] ?? 0,
    gridEnd,
  }
}

/** Distance from t to the nearest of sorted times (Infinity for none). */
export function distanceToNearest(sorted: readonly number[], t: number): number {
  let lo = 0
  let hi = sorted.length - 1
  if (hi < 0) return Infinity
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] <= t) lo = mid
    else hi = mid
  }
  return Math.min(Math.abs(sorted[lo] - t), Math.abs(sorted[hi] - t))
}

/**
 * The beat period over [start, end]: the median gap of the analysed beats inside it (robust to
 * one missed or doubled beat), else the song's.
 */
export function localBeatPeriod(grid: SongGrid, start: number, end: number): number {
  const inside = grid.beats.filter((b) => b >= start - 1e-6 && b <= end + 1e-6)
  return inside.length >= 3 ? median(gapsOf(inside)) : grid.beatPeriod
}

/** How many beats the music plays over [start, end], as a dancer counts them. */
export function beatsIn(grid: SongGrid, start: number, end: number): number {
  return Math.round((end - start) / localBeatPeriod(grid, start, end))
}
