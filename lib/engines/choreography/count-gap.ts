import { median } from '@/lib/shared/numbers'

/**
 * The counts between two consecutive count-ones, as the dancers count them: one per beat.
 * Count-one gaps are 8 beats on a regular song, but 12 around a 4-count tag, 10 or 6 around
 * a 2-beat bar, and 8 beats plus a beatless pause before a restart, so the length is read
 * from the beats themselves, never assumed.
 */
export interface GapCounts {
  /** Start time of each count (the first is the gap's count one). */
  times: number[]
  /** When the last count ends; before `end` when a beatless pause follows it. */
  countsEnd: number
  /** Seconds from countsEnd to the next count one without a beat (a pause). */
  pause: number
}

/**
 * Beats clean enough to count on: the first on the count one, the rest evenly enough spaced
 * (a dropped or doubled beat makes the beats lie about the length, and an even split of the
 * span at the song's beat period is then the better guess).
 */
function cleanBeats(inGap: number[], start: number, period: number): number | null {
  if (inGap.length === 0 || Math.abs(inGap[0] - start) > period / 4) return null
  if (inGap.length === 1) return period
  const gaps = inGap.slice(1).map((t, i) => t - inGap[i])
  const spacing = median(gaps)
  return gaps.every((g) => g > 0.5 * spacing && g < 1.6 * spacing) ? spacing : null
}

export function countGap(beats: readonly number[], start: number, end: number, period: number): GapCounts {
  const inGap = beats.filter((b) => b >= start - period / 4 && b < end - period / 4)
  const spacing = cleanBeats(inGap, start, period)
  if (spacing === null) {
    // A beatless pause inside the gap (the band stops, then plays a pickup into the next one):
    // the clean beats before it are counts, the rest is held. An even split would stretch
    // the counts over the pause (8 counts over 6 beats and a silence).
    const cut = inGap.findIndex((t, i) => i > 0 && t - inGap[i - 1] > 2 * period)
    const before = cut > 0 ? inGap.slice(0, cut) : []
    const sp = before.length ? cleanBeats(before, start, period) : null
    if (sp !== null) {
      const countsEnd = before[before.length - 1] + sp
      return { times: [start, ...before.slice(1)], countsEnd, pause: end - countsEnd }
    }
  }
  if (spacing === null) {
    const n = Math.max(1, Math.round((end - start) / period))
    return { times: Array.from({ length: n }, (_, i) => start + ((end - start) * i) / n), countsEnd: end, pause: 0 }
  }
  const times = [start, ...inGap.slice(1)]
  let countsEnd = Math.min(end, times[times.length - 1] + spacing)
  // Under half a beat left over is the beats' own jitter, not a pause.
  if (end - countsEnd < 0.5 * spacing) countsEnd = end
  return { times, countsEnd, pause: end - countsEnd }
}

/**
 * What the dancers call over the counts left after the whole 8-counts: the last ones of an
 * 8-count, so the call always runs on into the next "one" (a tag is 5–8 again, a 2-beat bar
 * 7–8, a 6-count phrase 3–8).
 */
export function callsFor(counts: number): number[] {
  return Array.from({ length: counts }, (_, i) => 8 - counts + 1 + i)
}
