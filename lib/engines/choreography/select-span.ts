import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { Slot } from './build-slots'
import { median } from '@/lib/shared/numbers'

export interface Span {
  /** Number of slots (8-counts) covered, from the first slot. */
  slotCount: number
  warnings: string[]
}

/**
 * How many 8-counts the choreography covers: the whole grid when no duration is asked for,
 * else the requested duration (measured from the first count-one) snapped to a phrase
 * boundary — and to a section boundary when one is this close, because ending where the
 * music turns a page sounds intended.
 */
export function selectSpan(slots: Slot[], analysis: SongAnalysis, durationSeconds: number | null): Span {
  const warnings: string[] = []
  const first = slots[0].start
  const whole = slots[slots.length - 1].end - first
  if (durationSeconds === null) return { slotCount: slots.length, warnings }
  if (durationSeconds >= whole + (slots[slots.length - 1].end - slots[slots.length - 1].start) / 2) {
    warnings.push(`The song has ${Math.round(whole)} s of 8-counts, less than the ${durationSeconds} s asked for: it covers the whole song`)
    return { slotCount: slots.length, warnings }
  }
  const target = first + durationSeconds
  const slotLen = (slots[slots.length - 1].end - first) / slots.length
  const tol = slotLen / 4
  const near = (t: number, marks: number[]) => marks.some((m) => Math.abs(m - t) <= tol)
  const phraseMarks = analysis.phrases.flatMap((p) => [p.start, p.end])
  const sectionMarks = analysis.sections.flatMap((s) => [s.start, s.end])
  const phraseLen = analysis.phrases.length > 0
    ? median(analysis.phrases.map((p) => p.end - p.start).filter((d) => d > 0))
    : slotLen
  // Candidate ends: slot ends on a phrase boundary (every slot end when phrases are absent).
  let candidates = slots.map((s, i) => ({ i: i + 1, t: s.end })).filter((c) => near(c.t, phraseMarks))
  if (candidates.length === 0) candidates = slots.map((s, i) => ({ i: i + 1, t: s.end }))
  let best = candidates[0]
  for (const c of candidates) if (Math.abs(c.t - target) < Math.abs(best.t - target)) best = c
  const sectionEnds = candidates.filter((c) => near(c.t, sectionMarks) && Math.abs(c.t - target) <= 0.75 * phraseLen)
  for (const c of sectionEnds) {
    if (!near(best.t, sectionMarks) || Math.abs(c.t - target) < Math.abs(best.t - target)) best = c
  }
  return { slotCount: best.i, warnings }
}

