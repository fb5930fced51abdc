import { z } from 'zod'
import { AppError } from '@/lib/shared/errors'
import { SectionLabelSchema } from '@/lib/engines/dance/vocabulary'
import { SongAnalysisSchema, type Phrase, type Section, type SongAnalysis } from './analysis-schema'

/**
 * An instructor's correction of the automatic grid: the tracker picked the wrong tempo
 * octave (×2 / ÷2), count 1 is one beat early or late, or a section deserves another label.
 * Pure: the beat grid is rebuilt from the beats, and phrase energies/sections are carried
 * over from the original analysis by overlap, so nothing is re-analysed.
 */
export const AnalysisAdjustmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tempo'), factor: z.union([z.literal(2), z.literal(0.5)]) }).strict(),
  z.object({ kind: z.literal('shift'), beats: z.union([z.literal(1), z.literal(-1)]) }).strict(),
  z.object({ kind: z.literal('relabel'), sectionIndex: z.number().int().min(0).max(500), label: SectionLabelSchema }).strict(),
])
export type AnalysisAdjustment = z.infer<typeof AnalysisAdjustmentSchema>

function nearestIndex(times: number[], t: number): number {
  let best = 0
  for (let i = 1; i < times.length; i++) if (Math.abs(times[i] - t) < Math.abs(times[best] - t)) best = i
  return best
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0))
}

function rebuildGrid(a: SongAnalysis, beats: number[], firstCountOne: number, bpm: number): SongAnalysis {
  // The earliest count 1 at or after the first beat with the same phase.
  let i0 = firstCountOne
  while (i0 - 8 >= 0) i0 -= 8
  while (i0 < 0) i0 += 8
  const countOne = beats.filter((_, i) => i >= i0 && (i - i0) % 8 === 0)
  const downbeats = beats.filter((_, i) => i >= i0 % 4 && (i - i0) % 4 === 0)
  const period = 60 / bpm
  const sections: Section[] = a.sections.map((s, i) => ({
    ...s,
    start: i === 0 ? s.start : countOne[nearestIndex(countOne, s.start)] ?? s.start,
  }))
  for (let i = 0; i < sections.length; i++) sections[i].end = i + 1 < sections.length ? sections[i + 1].start : a.sections[i].end
  const kept = sections.filter((s) => s.end > s.start)
  const phrases: Phrase[] = countOne.map((start, k) => {
    const end = k + 1 < countOne.length ? countOne[k + 1] : Math.min(a.durationSeconds, beats[beats.length - 1] + period)
    const source = a.phrases.reduce<Phrase | undefined>(
      (best, p) => (!best || overlap(p.start, p.end, start, end) > overlap(best.start, best.end, start, end) ? p : best),
      undefined,
    )
    const sectionIndex = Math.max(0, kept.findIndex((s) => start >= s.start - 1e-6 && start < s.end))
    return { index: k, start, end: Math.max(end, start + 1e-3), energy: source?.energy ?? 0.5, section: kept[sectionIndex]?.label ?? 'verse', sectionIndex }
  })
  return { ...a, bpm, beats, countOne, downbeats, phrases, sections: kept }
}

export function adjustAnalysis(a: SongAnalysis, adj: AnalysisAdjustment): SongAnalysis {
  if (adj.kind === 'relabel') {
    if (adj.sectionIndex >= a.sections.length) throw AppError.validation(`There is no section ${adj.sectionIndex}`, { sectionIndex: ['out of range'] })
    const sections = a.sections.map((s, i) => (i === adj.sectionIndex ? { ...s, label: adj.label } : s))
    const phrases = a.phrases.map((p) => (p.sectionIndex === adj.sectionIndex ? { ...p, section: adj.label } : p))
    return SongAnalysisSchema.parse({ ...a, sections, phrases })
  }
  if (a.beats.length < 16 || a.countOne.length === 0) throw AppError.validation('This analysis has too few beats to adjust')
  const i0 = nearestIndex(a.beats, a.countOne[0])
  let next: SongAnalysis
  if (adj.kind === 'shift') {
    next = rebuildGrid(a, a.beats, i0 + adj.beats, a.bpm)
  } else if (adj.factor === 2) {
    const beats: number[] = []
    for (let i = 0; i < a.beats.length; i++) {
      beats.push(a.beats[i])
      if (i + 1 < a.beats.length) beats.push((a.beats[i] + a.beats[i + 1]) / 2)
    }
    next = rebuildGrid(a, beats, 2 * i0, a.bpm * 2)
  } else {
    const beats = a.beats.filter((_, i) => (i - i0) % 2 === 0)
    next = rebuildGrid(a, beats, beats.indexOf(a.beats[i0]), a.bpm / 2)
  }
  return SongAnalysisSchema.parse(next)
}
