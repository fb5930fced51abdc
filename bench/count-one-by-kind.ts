/**
 * Count-one F around each irregularity of the truth, per kind (issue 10), and how many moves
 * of a blueprint built on the analysis start on a true count one. Shared by bench:count-one
 * (tuning set), bench:count-one-dev (development set) and bench:analysis (reported set).
 */
import { SURE_CONFIDENCE, type SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import type { DemoSongTruth, IrregularityTruth } from '@/scripts/demo/songs/generate-demo-song'
import { checkGridAgainstTruth } from '@/tests/fixtures/choreography/check-grid-against-truth'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { fMeasure } from '@/tests/fixtures/metrics/evaluate-beats'

/** F-measure of estimated against reference times, to three decimals (as the tables show it). */
export const fRounded = (ref: readonly number[], est: readonly number[]) => Math.round(fMeasure(ref, est).f * 1000) / 1000

/** The UI's "sure" for a section's count one ("check the count here" below it). */
export { SURE_CONFIDENCE as SURE }

export interface SectionVerdict { confidence: number; right: boolean }

/** Each section of the analysis that holds a true count one: its count-one confidence and whether its count ones are right (F ≥ 0.9). */
export function sectionVerdicts(truth: DemoSongTruth, a: SongAnalysis): SectionVerdict[] {
  // A section starts on a count one: both sides get the same window at its edges.
  const within = (xs: readonly number[], lo: number, hi: number) => xs.filter((t) => t >= lo - 0.07 && t < hi - 0.07)
  return a.sections.filter((s) => within(truth.countOne, s.start, s.end).length > 0).map((s) => ({
    confidence: s.countOneConfidence ?? 0,
    right: fMeasure(within(truth.countOne, s.start, s.end), within(a.countOne, s.start, s.end)).f >= 0.9,
  }))
}

/** Calibration of the per-section confidence: are the sections below "sure" the ones that are wrong? */
export function calibrate(sections: readonly SectionVerdict[], lo = SURE_CONFIDENCE, hi = 1.01): { sections: number; wrong: number } {
  const inBand = sections.filter((x) => x.confidence >= lo && x.confidence < hi)
  return { sections: inBand.length, wrong: inBand.filter((x) => !x.right).length }
}

export type Kind = IrregularityTruth['kind'] | 'none'
export interface KindScore { kind: Kind; f: number }

/**
 * Count-one F in a window around each irregularity: a phrase before it to two after it (a
 * span kind from its end, where the count has to be found again; a fade-out over its whole
 * length). 'none' is the whole of a song without irregularities.
 */
export function countOneByKind(truth: DemoSongTruth, a: SongAnalysis): KindScore[] {
  const beat = 60 / truth.bpm
  const f = (lo: number, hi: number) => {
    // Both sides get the same window, its edges just before a count one (the F tolerance):
    // an estimate a few ms early at a window that starts on a true count one is not a miss.
    const w = (xs: readonly number[]) => xs.filter((t) => t >= lo - 0.07 && t < hi - 0.07)
    const ref = w(truth.countOne)
    return ref.length ? fMeasure(ref, w(a.countOne)).f : null
  }
  if (truth.irregularities.length === 0) return [{ kind: 'none', f: fMeasure(truth.countOne, a.countOne).f }]
  return truth.irregularities.flatMap((i) => {
    const [lo, hi] = i.kind === 'rubato-intro' ? [i.end!, i.end! + 16 * beat]
      : i.kind === 'fade-out' ? [i.time - 8 * beat, i.end!]
        : [i.time - 8 * beat, i.time + 16 * beat + (i.kind === 'restart' || i.kind === 'band-stop' ? (i.end ?? i.time) - i.time : 0)]
    const v = f(lo, hi)
    return v === null ? [] : [{ kind: i.kind, f: v }]
  })
}

/** Mean F per kind over many songs' scores. */
export function byKind(scores: readonly KindScore[]): Record<string, { n: number; countOneF: number }> {
  const out: Record<string, { n: number; countOneF: number }> = {}
  for (const k of [...new Set(scores.map((s) => s.kind))].sort()) {
    const xs = scores.filter((s) => s.kind === k)
    out[k] = { n: xs.length, countOneF: Math.round((xs.reduce((a, s) => a + s.f, 0) / xs.length) * 1000) / 1000 }
  }
  return out
}

const library = demoLibrary()

/** A default blueprint on the analysis: its moves, and those on a true count one (≤ 1 frame). */
export function movesOnTrueOne(a: SongAnalysis, truth: DemoSongTruth): { moves: number; onOne: number; problems: number } {
  try {
    const bp = buildBlueprint({ analysis: a, params: {}, library, seed: 1, song: { id: 'bench', storageKey: 'songs/bench.wav' } })
    const r = checkGridAgainstTruth(a, bp, truth)
    return { moves: r.moves, onOne: r.movesOnOne, problems: r.problems.length }
  } catch {
    return { moves: 0, onOne: 0, problems: 1 }
  }
}
