import { z } from 'zod'
import { AppError } from '@/lib/shared/errors'
import { SectionLabelSchema } from '@/lib/engines/dance/vocabulary'
import { SongAnalysisSchema, type SongAnalysis } from './analysis-schema'
import { countOneFrom, markBreak } from './correct-count-one'
import { nearestIndex, rebuildPhrases } from './rebuild-phrases'

/**
 * An instructor's correction of the automatic grid: the tracker picked the wrong tempo
 * octave (×2 / ÷2), count 1 is one beat early or late in the whole song, count 1 is at time T
 * from there on (a restart the tracker missed), a span is a pausa, or a section deserves
 * another label. Pure: the beat grid is rebuilt from the beats, and phrase energies/sections
 * are carried over from the original analysis by overlap, so nothing is re-analysed.
 * Corrections are stored with the song and applied in order on every fresh analysis.
 */
/** Seconds from the start of the file; checked against the song's length when applied. */
const time = z.number().finite().min(0).max(3600)
export const AnalysisAdjustmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tempo'), factor: z.union([z.literal(2), z.literal(0.5)]) }).strict(),
  z.object({ kind: z.literal('shift'), beats: z.union([z.literal(1), z.literal(-1)]) }).strict(),
  z.object({ kind: z.literal('relabel'), sectionIndex: z.number().int().min(0).max(500), label: SectionLabelSchema }).strict(),
  z.object({ kind: z.literal('count-one-from'), time }).strict(),
  z.object({ kind: z.literal('break'), start: time, end: time }).strict()
    .refine((b) => b.end > b.start, { message: 'end must be after start', path: ['end'] }),
])
export type AnalysisAdjustment = z.infer<typeof AnalysisAdjustmentSchema>

function rebuildGrid(a: SongAnalysis, beats: number[], firstCountOne: number, bpm: number): SongAnalysis {
  // The earliest count 1 at or after the first beat with the same phase.
  let i0 = firstCountOne
  while (i0 - 8 >= 0) i0 -= 8
  while (i0 < 0) i0 += 8
  const countOne = beats.filter((_, i) => i >= i0 && (i - i0) % 8 === 0)
  const downbeats = beats.filter((_, i) => i >= i0 % 4 && (i - i0) % 4 === 0)
  // One regular lattice over the whole song: no irregularity survives it.
  return { ...rebuildPhrases(a, { beats, bpm, countOne, downbeats }), irregularities: [] }
}

export const MIN_CORRECTED_BPM = 60
export const MAX_CORRECTED_BPM = 220

export function adjustAnalysis(a: SongAnalysis, adj: AnalysisAdjustment): SongAnalysis {
  if (adj.kind === 'relabel') {
    if (adj.sectionIndex >= a.sections.length) throw AppError.validation(`There is no section ${adj.sectionIndex}`, { sectionIndex: ['out of range'] })
    const sections = a.sections.map((s, i) => (i === adj.sectionIndex ? { ...s, label: adj.label } : s))
    const phrases = a.phrases.map((p) => (p.sectionIndex === adj.sectionIndex ? { ...p, section: adj.label } : p))
    return SongAnalysisSchema.parse({ ...a, sections, phrases })
  }
  if (a.beats.length < 16 || a.countOne.length === 0) throw AppError.validation('This analysis has too few beats to adjust')
  if (adj.kind === 'count-one-from') return SongAnalysisSchema.parse(countOneFrom(a, adj.time))
  if (adj.kind === 'break') return SongAnalysisSchema.parse(markBreak(a, adj.start, adj.end))
  if (adj.kind === 'tempo') {
    // Bounded: past these no danceable bachata exists, and each doubling doubles the stored beats.
    const bpm = a.bpm * adj.factor
    if (bpm > MAX_CORRECTED_BPM || bpm < MIN_CORRECTED_BPM) {
      throw AppError.validation(`That would make the tempo ${Math.round(bpm)} BPM; corrections keep it between ${MIN_CORRECTED_BPM} and ${MAX_CORRECTED_BPM}`, { factor: ['out of range for this song'] })
    }
  }
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
