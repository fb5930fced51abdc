import type { Phrase, Section, SongAnalysis } from './analysis-schema'

/** A beat grid to rebuild an analysis on: the beats and which of them start an 8-count or a bar. */
export interface Grid {
  beats: number[]
  bpm: number
  countOne: number[]
  downbeats: number[]
}

export function nearestIndex(times: readonly number[], t: number): number {
  let best = 0
  for (let i = 1; i < times.length; i++) if (Math.abs(times[i] - t) < Math.abs(times[best] - t)) best = i
  return best
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0))
}

/**
 * Phrases and sections that agree with a new grid. Phrases are the spans between count-ones
 * (the last runs one beat past the last beat), each keeping the energy of the old phrase it
 * overlaps most: nothing is re-analysed. Sections starting at or after `snapFrom` (never the
 * first, which starts the file) move to the nearest new count-one there; the others keep
 * their place, so a correction from a point leaves everything before it as it was.
 */
export function rebuildPhrases(a: SongAnalysis, grid: Grid, snapFrom = 0): SongAnalysis {
  const { beats, bpm, countOne } = grid
  const later = countOne.filter((t) => t >= snapFrom)
  const sections: Section[] = a.sections.map((s, i) => ({
    ...s,
    start: i === 0 || s.start < snapFrom || later.length === 0 ? s.start : later[nearestIndex(later, s.start)],
  }))
  for (let i = 0; i < sections.length; i++) sections[i].end = i + 1 < sections.length ? sections[i + 1].start : a.sections[i].end
  const kept = sections.filter((s) => s.end > s.start)
  const period = 60 / bpm
  const phrases: Phrase[] = countOne.map((start, k) => {
    const end = k + 1 < countOne.length ? countOne[k + 1] : Math.min(a.durationSeconds, beats[beats.length - 1] + period)
    const source = a.phrases.reduce<Phrase | undefined>(
      (best, p) => (!best || overlap(p.start, p.end, start, end) > overlap(best.start, best.end, start, end) ? p : best),
      undefined,
    )
    const found = kept.findIndex((s) => start >= s.start - 1e-6 && start < s.end)
    // Past the last section's end (a count one on the last beats): it belongs to the last one.
    const sectionIndex = found >= 0 ? found : start >= (kept[kept.length - 1]?.end ?? 0) ? kept.length - 1 : 0
    return { index: k, start, end: Math.max(end, start + 1e-3), energy: source?.energy ?? 0.5, section: kept[sectionIndex]?.label ?? 'verse', sectionIndex }
  })
  return { ...a, bpm, beats, countOne, downbeats: grid.downbeats, phrases, sections: kept }
}
