import { AppError } from '@/lib/shared/errors'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { SectionLabel } from '@/lib/engines/dance/vocabulary'

/**
 * The song cut into 8-counts ("slots"), the unit every move is placed on. A slot starts
 * exactly on a count-one of the analysis and carries the 9 song times of its counts (8
 * counts + the end), so retiming never drifts from the analysed beats.
 */
export interface Slot {
  /** Index into analysis.countOne. */
  countOneIndex: number
  start: number
  end: number
  beatTimes: number[]
  /** Tempo over this 8-count. */
  bpm: number
  /** Energy of the phrase under this slot, 0–1. */
  energy: number
  section: SectionLabel
  sectionIndex: number
  /** True when a break (pausa) overlaps this slot more than any other slot. */
  isBreak: boolean
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
  warnings: string[]
}

/** Contiguous 8-count slots from the first count-one; a hole in the grid ends them. */
export function buildSlots(analysis: SongAnalysis): SlotGrid {
  const { countOne, beats, phrases, sections } = analysis
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
  const warnings: string[] = []
  for (let k = 0; k < countOne.length; k++) {
    const start = countOne[k]
    let end = k + 1 < countOne.length ? countOne[k + 1] : NaN
    if (Number.isNaN(end)) end = lastSlotEnd(beats, start, beatPeriod)
    if (!(end > start) || end > analysis.durationSeconds + 1e-6) break
    // A gap much longer than an 8-count is a hole in the analysis: no move can straddle it,
    // and the span must stay contiguous, so the choreography stops there.
    if (Number.isFinite(beatPeriod) && end - start > 8 * beatPeriod * 1.6) {
      warnings.push(`The beat grid has a gap at ${start.toFixed(1)} s: the choreography stops there`)
      break
    }
    const mid = (start + end) / 2
    const phrase = phrases.find((p) => p.start <= mid && mid < p.end)
      ?? phrases.reduce<(typeof phrases)[number] | undefined>((best, p) => {
        const d = Math.min(Math.abs(p.start - mid), Math.abs(p.end - mid))
        return !best || d < Math.min(Math.abs(best.start - mid), Math.abs(best.end - mid)) ? p : best
      }, undefined)
    let sectionIndex = sections.findIndex((s) => s.start <= mid && mid < s.end)
    if (sectionIndex < 0) sectionIndex = phrase ? phrase.sectionIndex : 0
    const section = sections[sectionIndex]?.label ?? phrase?.section ?? 'verse'
    slots.push({
      countOneIndex: k,
      start,
      end,
      beatTimes: countTimes(beats, start, end),
      bpm: 480 / (end - start),
      energy: phrase?.energy ?? sections[sectionIndex]?.energy ?? 0.5,
      section,
      sectionIndex: Math.min(sectionIndex, Math.max(0, sections.length - 1)),
      isBreak: false,
    })
  }
  for (const br of analysis.breaks ?? []) {
    let best = -1
    let bestOverlap = 0
    slots.forEach((s, i) => {
      const o = overlap(s.start, s.end, br.start, br.end)
      if (o > bestOverlap) { best = i; bestOverlap = o }
    })
    if (best >= 0) slots[best].isBreak = true
  }
  if (slots.length === 0) {
    throw AppError.validation("The song is too short for a single 8-count after its first count-one")
  }
  return { slots, warnings }
}
