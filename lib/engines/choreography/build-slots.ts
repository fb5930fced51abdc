import { AppError } from '@/lib/shared/errors'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { SectionLabel } from '@/lib/engines/dance/vocabulary'
import { callsFor, countGap } from './count-gap'

/**
 * The song cut into 8-counts ("slots"), the unit every move is placed on. A slot starts
 * exactly on a count-one of the analysis and carries the 9 song times of its counts (8
 * counts + the end), so retiming never drifts from the analysed beats.
 */
export interface Slot {
  /** Index into analysis.countOne. */
  countOneIndex: number
  /** False when a hold sits between this slot and the one before: no move may run across it. */
  followsSlot: boolean
  start: number
  end: number
  beatTimes: number[]
  /** Tempo over this 8-count. */
  bpm: number
  /** Energy of the phrase under this slot, 0–1. */
  energy: number
  section: SectionLabel
  sectionIndex: number
  /** True when a break (pausa) overlaps this slot more than any other slot or hold. */
  isBreak: boolean
}

/**
 * Counts that make no whole 8-count (a 4-count tag, a 2-beat bar, a pause before a restart):
 * danced as a hold of their real length, never stretched into an 8-count.
 */
export interface HoldSpan {
  start: number
  end: number
  /** Start of each count, then the end of the last (counts + 1 times); a pause may follow. */
  beatTimes: number[]
  calls: number[]
  /** The slot that follows it (slots.length when none does). */
  beforeSlot: number
  section: SectionLabel
  sectionIndex: number
}

function medianGap(times: number[]): number {
  const gaps: number[] = []
  for (let i = 1; i < times.length; i++) gaps.push(times[i] - times[i - 1])
  if (gaps.length === 0) return NaN
  gaps.sort((a, b) => a - b)
  return gaps[gaps.length >> 1]
}

/** The 9 times of one 8-count: the analysed beats when they are clean, else an even split. */
function countTimes(beats: number[], start: number, end: number): number[] {
  const period = (end - start) / 8
  const inner = beats.filter((b) => b > start + period * 0.5 && b < end - period * 0.5)
  const even = Array.from({ length: 9 }, (_, i) => start + period * i)
  if (inner.length !== 7) return even
  const times = [start, ...inner, end]
  // A beat far from its even position is an analysis glitch; the even grid is safer.
  const clean = times.every((t, i) => Math.abs(t - even[i]) < period * 0.35)
  return clean ? times : even
}

/**
 * The last count-one has no successor: its 8-count ends on the 8th analysed beat after it
 * when the beats run that far (so it agrees with the phrase the analysis reports), else one
 * 8-count later at the local tempo.
 */
function lastSlotEnd(beats: number[], start: number, beatPeriod: number): number {
  const i0 = beats.findIndex((b) => Math.abs(b - start) < beatPeriod / 4)
  const local = medianGap(beats.filter((b) => b >= start - 8 * beatPeriod && b <= start + 8 * beatPeriod))
  const period = Number.isFinite(local) ? local : beatPeriod
  const eighth = i0 >= 0 ? beats[i0 + 8] : undefined
  if (eighth !== undefined && Math.abs(eighth - start - 8 * period) < 2 * period) return eighth
  return start + 8 * period
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0))
}

export interface SlotGrid {
  slots: Slot[]
  holds: HoldSpan[]
  warnings: string[]
}

/** Where in the song's form a span lies: the phrase's energy, the section's label and index. */
function placeInSong(analysis: SongAnalysis, start: number, end: number) {
  const { phrases, sections } = analysis
  const mid = (start + end) / 2
  const phrase = phrases.find((p) => p.start <= mid && mid < p.end)
    ?? phrases.reduce<(typeof phrases)[number] | undefined>((best, p) => {
      const d = Math.min(Math.abs(p.start - mid), Math.abs(p.end - mid))
      return !best || d < Math.min(Math.abs(best.start - mid), Math.abs(best.end - mid)) ? p : best
    }, undefined)
  let sectionIndex = sections.findIndex((s) => s.start <= mid && mid < s.end)
  if (sectionIndex < 0) sectionIndex = phrase ? phrase.sectionIndex : 0
  return {
    energy: phrase?.energy ?? sections[sectionIndex]?.energy ?? 0.5,
    section: sections[sectionIndex]?.label ?? phrase?.section ?? 'verse',
    sectionIndex: Math.min(sectionIndex, Math.max(0, sections.length - 1)),
  }
}

/** A beatless stretch longer than two bars is a hole in the analysis, not a pause to hold. */
const MAX_PAUSE_BEATS = 8

/**
 * Slots from the first count-one: an 8-count on every count-one with at least 8 counts before
 * the next, and a hold for the counts left over (a 12-count phrase is 8 + a 4-count hold, a
 * 6-count phrase a hold alone); a hole in the grid ends them. On a regular song every count-one
 * gap is 8 beats and this is one slot per count-one, as before holds existed.
 */
export function buildSlots(analysis: SongAnalysis): SlotGrid {
  const { countOne, beats } = analysis
  if (countOne.length === 0) {
    throw AppError.validation('The song analysis has no 8-count grid (no count-one found): re-analyse the song')
  }
  for (let i = 0; i < countOne.length; i++) {
    if (!Number.isFinite(countOne[i]) || (i > 0 && !(countOne[i] > countOne[i - 1]))) {
      throw AppError.validation('The song analysis has an invalid 8-count grid (count-ones must increase)')
    }
  }
  const beatPeriod = medianGap(beats.length >= 2 ? beats : countOne.map((t) => t / 8))
  const slots: Slot[] = []
  const holds: HoldSpan[] = []
  const warnings: string[] = []
  const pushSlot = (k: number, start: number, end: number, beatTimes: number[], followsSlot: boolean) => {
    slots.push({ countOneIndex: k, followsSlot, start, end, beatTimes, bpm: 480 / (end - start), ...placeInSong(analysis, start, end), isBreak: false })
  }
  let afterHold = true
  for (let k = 0; k < countOne.length; k++) {
    const start = countOne[k]
    const last = k + 1 >= countOne.length
    const end = last ? lastSlotEnd(beats, start, beatPeriod) : countOne[k + 1]
    if (!(end > start) || end > analysis.durationSeconds + 1e-6) break
    const gap = last || !Number.isFinite(beatPeriod) ? null : countGap(beats, start, end, beatPeriod)
    if (!gap || (gap.times.length === 8 && gap.pause === 0)) {
      pushSlot(k, start, end, countTimes(beats, start, end), !afterHold)
      afterHold = false
      continue
    }
    // Two 8-counts or more between count-ones is a count-one the analysis missed, and a long
    // silence is no pause to hold: a hole either way, since every move starts on a count-one.
    if (gap.pause > MAX_PAUSE_BEATS * beatPeriod || gap.times.length >= 16) {
      warnings.push(`The beat grid has a gap at ${start.toFixed(1)} s: the choreography stops there`)
      break
    }
    const times = [...gap.times, gap.countsEnd]
    const whole = gap.times.length >= 8
    if (whole) {
      pushSlot(k, times[0], times[8], times.slice(0, 9), !afterHold)
      afterHold = false
    }
    const holdTimes = times.slice(whole ? 8 : 0)
    const holdStart = holdTimes[0]
    if (end - holdStart > 1e-6) {
      const counts = holdTimes.length - 1
      holds.push({
        start: holdStart, end, beatTimes: holdTimes, calls: callsFor(counts), beforeSlot: -1,
        ...placeInSong(analysis, holdStart, end),
      })
      afterHold = true
    }
  }
  // Each hold sits before the slot that starts where it ends.
  for (const h of holds) {
    const next = slots.findIndex((s) => s.start >= h.end - 1e-6)
    h.beforeSlot = next < 0 ? slots.length : next
  }
  markBreaks(analysis, slots, holds)
  if (slots.length === 0) {
    throw AppError.validation("The song is too short for a single 8-count after its first count-one")
  }
  return { slots, holds, warnings }
}

/** A break goes to the slot it overlaps most; when that is a hold, the hold already marks it. */
function markBreaks(analysis: SongAnalysis, slots: Slot[], holds: HoldSpan[]): void {
  for (const br of analysis.breaks ?? []) {
    let best: Slot | HoldSpan | null = null
    let bestOverlap = 0
    for (const s of [...slots, ...holds]) {
      const o = overlap(s.start, s.end, br.start, br.end)
      if (o > bestOverlap) { best = s; bestOverlap = o }
    }
    if (best && 'isBreak' in best) best.isBreak = true
  }
}
