import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import type { SectionLabel } from '@/lib/engines/dance/vocabulary'
import type { CountIn } from './blueprint-schema'
import type { Slot } from './build-slots'
import { findCountIn } from './find-count-in'
import { median } from '@/lib/shared/numbers'

export interface Span {
  /** First slot (8-count) of the span, an index into the grid's slots. */
  first: number
  /** Number of slots covered from `first`. */
  slotCount: number
  countIn: CountIn | null
  warnings: string[]
}

/** "The best part" without a length: a minute, the length dancers ask for most. */
export const BEST_SPAN_SECONDS = 60

/** How much a section's label adds to its energy when the best stretch is chosen. */
const LABEL_BONUS: Partial<Record<SectionLabel, number>> = { mambo: 0.05, chorus: 0.03, intro: -0.05, outro: -0.05 }

type SpanParams = Pick<ChoreographyParams, 'durationSeconds' | 'span' | 'countIn'>

/** Which slot ends lie on a phrase boundary and on a section boundary (computed once per song). */
interface EndMarks {
  onPhrase: boolean[]
  onSection: boolean[]
  /** The last slot whose end is on a phrase boundary (−1: none; past it every slot end may end a span). */
  lastOnPhrase: number
  phraseLen: number
}

function endMarks(slots: Slot[], analysis: SongAnalysis): EndMarks {
  const slotLen = (slots[slots.length - 1].end - slots[0].start) / slots.length
  const tol = slotLen / 4
  const near = (t: number, marks: number[]) => marks.some((m) => Math.abs(m - t) <= tol)
  const phraseMarks = analysis.phrases.flatMap((p) => [p.start, p.end])
  const sectionMarks = analysis.sections.flatMap((s) => [s.start, s.end])
  const onPhrase = slots.map((s) => near(s.end, phraseMarks))
  return {
    onPhrase,
    onSection: slots.map((s) => near(s.end, sectionMarks)),
    lastOnPhrase: onPhrase.lastIndexOf(true),
    phraseLen: analysis.phrases.length > 0 ? median(analysis.phrases.map((p) => p.end - p.start).filter((d) => d > 0)) : slotLen,
  }
}

/**
 * The end (exclusive slot index) of the span that starts at slot `from` and lasts about
 * `seconds`: the slot end nearest the target that lies on a phrase boundary, and a section
 * boundary instead when one is this close, because ending where the music turns a page
 * sounds intended. The last slot end is the fallback when no phrase boundary follows.
 */
function endFor(slots: Slot[], marks: EndMarks, from: number, seconds: number): number {
  const target = slots[from].start + seconds
  const anyEnd = marks.lastOnPhrase < from
  let best = -1
  let bestSection = -1
  for (let j = from; j < slots.length; j++) {
    if (!anyEnd && !marks.onPhrase[j]) continue
    const d = Math.abs(slots[j].end - target)
    if (best < 0 || d < Math.abs(slots[best].end - target)) best = j
    if (marks.onSection[j] && d <= 0.75 * marks.phraseLen && (bestSection < 0 || d < Math.abs(slots[bestSection].end - target))) bestSection = j
    if (slots[j].end > target + marks.phraseLen) break
  }
  if (best < 0) return slots.length
  if (bestSection >= 0 && (!marks.onSection[best] || Math.abs(slots[bestSection].end - target) < Math.abs(slots[best].end - target))) best = bestSection
  return best + 1
}

/** Where a span may start: on a count one with a full count-in before it (any, without one). */
function startsWithCountIn(slots: Slot[], analysis: SongAnalysis, params: SpanParams): (CountIn | null)[] {
  return slots.map((s) => (params.countIn ? findCountIn(analysis, s) : null))
}

/** Energy of slots [a, b) weighted by their length, with the section's label as a nudge. */
function meanEnergy(slots: Slot[], a: number, b: number): number {
  let sum = 0, len = 0
  for (let j = a; j < b; j++) {
    const d = slots[j].end - slots[j].start
    sum += d * (slots[j].energy + (LABEL_BONUS[slots[j].section] ?? 0))
    len += d
  }
  return len > 0 ? sum / len : 0
}

const onSectionStart = (slots: Slot[], j: number) => j === 0 || slots[j].sectionIndex !== slots[j - 1].sectionIndex

/** Seconds of slots [a, b) in a section with this label. */
function secondsIn(slots: Slot[], a: number, b: number, label: SectionLabel): number {
  let t = 0
  for (let j = a; j < b; j++) if (slots[j].section === label) t += slots[j].end - slots[j].start
  return t
}

/** Runs of slots in one section with this label: [first, end) each. */
function occurrences(slots: Slot[], label: SectionLabel): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  slots.forEach((s, j) => {
    if (s.section !== label) return
    const last = runs[runs.length - 1]
    if (last && last[1] === j && slots[j - 1].sectionIndex === s.sectionIndex) last[1] = j + 1
    else runs.push([j, j + 1])
  })
  return runs
}

/** Lexicographic comparison of score tuples (higher is better; ties keep the earlier span). */
function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (Math.abs(a[i] - b[i]) > 1e-9) return a[i] > b[i]
  }
  return false
}

/**
 * Which 8-counts the choreography covers. Every span starts on a count one and ends on a
 * phrase boundary; with a count-in asked for, it starts where four steady beats precede it.
 * - `start` (the default): from the first count one — or the second when the first has no
 *   four beats before it — for the requested length, or to the end of the song.
 * - `section`: the span lying most in that section ("with the mambo", "just the chorus"):
 *   without a length, its most energetic occurrence whole; with one, preferring to start
 *   where such a section starts. A song without that section gets the best span instead.
 * - `best`: the most energetic stretch of the requested length (a minute without one).
 */
export function selectSpan(slots: Slot[], analysis: SongAnalysis, params: SpanParams): Span {
  const warnings: string[] = []
  const marks = endMarks(slots, analysis)
  const countIns = startsWithCountIn(slots, analysis, params)
  let eligible = slots.map((_, j) => !params.countIn || countIns[j] !== null)
  if (params.countIn && !eligible.some(Boolean)) eligible = slots.map(() => true)
  const done = (first: number, end: number): Span => {
    // Short of four steady beats: as many as there are, else no count-in.
    const countIn = params.countIn ? countIns[first] ?? findCountIn(analysis, slots[first], 1) : null
    if (params.countIn && !countIn) warnings.push('No count-in: the song has no steady beat before the first move')
    return { first, slotCount: Math.max(1, end - first), countIn, warnings }
  }

  let kind = params.span.kind
  let label = params.span.section
  if (kind === 'section' && label && !slots.some((s) => s.section === label)) {
    warnings.push(`The song has no ${label}: the choreography takes its most energetic part instead`)
    kind = 'best'
    label = null
  }

  if (kind === 'start') {
    // A count-in is worth one 8-count of listening, not more: past the second count one it is skipped.
    const first = eligible[0] || !eligible[1] ? 0 : 1
    const whole = slots[slots.length - 1].end - slots[first].start
    const d = params.durationSeconds
    if (d === null) return done(first, slots.length)
    if (d >= whole + (slots[slots.length - 1].end - slots[slots.length - 1].start) / 2) {
      warnings.push(`The song has ${Math.round(whole)} s of 8-counts, less than the ${d} s asked for: it covers the whole song`)
      return done(first, slots.length)
    }
    return done(first, endFor(slots, marks, first, d))
  }

  if (kind === 'section' && label && params.durationSeconds === null) {
    let pick: [number, number] | null = null
    for (const [a, b] of occurrences(slots, label)) {
      const from = eligible.slice(a, b).indexOf(true)
      if (from < 0) continue
      if (!pick || meanEnergy(slots, a + from, b) > meanEnergy(slots, pick[0], pick[1]) + 1e-9) pick = [a + from, b]
    }
    if (pick) return done(pick[0], pick[1])
  }

  const seconds = params.durationSeconds ?? (kind === 'section' && label
    ? Math.max(...occurrences(slots, label).map(([a, b]) => slots[b - 1].end - slots[a].start))
    : BEST_SPAN_SECONDS)
  const runs = label ? occurrences(slots, label) : []
  const slotLen = (j: number) => slots[j].end - slots[j].start
  let best: { first: number; end: number; score: number[] } | null = null
  for (let from = 0; from < slots.length; from++) {
    if (!eligible[from]) continue
    const ends = [endFor(slots, marks, from, seconds)]
    // Stopping where the section stops, when that is within a phrase of the length asked for.
    const run = runs.find(([a, b]) => a <= from && from < b)
    if (run && Math.abs(slots[run[1] - 1].end - slots[from].start - seconds) <= slotLen(from)) ends.push(run[1])
    for (const end of ends) {
      const length = slots[end - 1].end - slots[from].start
      // A span cut short by the end of the song is no span of the length asked for.
      if (best && length < seconds - slotLen(from)) continue
      const inside = label ? secondsIn(slots, from, end, label) : 0
      const score = kind === 'section' && label
        // Most of it in the section, from where the section starts, as much of the section as fits.
        ? [Math.round((inside / length) * 100), Number(slots[from].section === label && onSectionStart(slots, from)), Math.round(inside * 10), meanEnergy(slots, from, end)]
        : [meanEnergy(slots, from, end), Number(onSectionStart(slots, from))]
      if (!best || better(score, best.score)) best = { first: from, end, score }
    }
  }
  return best ? done(best.first, best.end) : done(0, slots.length)
}
