import type { Energy } from '@/lib/engines/dance/vocabulary'
import { mean } from '@/lib/shared/numbers'
import { correlate } from './correlate'
import type { JudgeContext } from './judge-types'

/** A move's annotated energy on the same 0–1 scale as the analysis's section energy. */
export const DANCE_ENERGY: Record<Energy, number> = { low: 0, medium: 0.5, high: 1 }
/** Music whose section energies span less than this is flat: there is no shape to follow. */
const FLAT_MUSIC = 0.1

export interface EnergyScore {
  /** Mean |dance energy − section energy| under each move (0–1). */
  meanAbsError: number
  /** Pearson correlation of dance energy with section energy (null when either is flat). */
  correlation: number | null
  score: number
}

/** Energy of the music under [start, end]: the analysis's sections, weighted by overlap. */
function sectionEnergy(ctx: JudgeContext, start: number, end: number): number | null {
  const parts = ctx.analysis.sections.length ? ctx.analysis.sections : ctx.analysis.phrases
  let w = 0
  let e = 0
  for (const s of parts) {
    const o = Math.min(s.end, end) - Math.max(s.start, start)
    if (o > 0) { w += o; e += o * s.energy }
  }
  return w > 0 ? e / w : null
}

/**
 * Does the dance rise and fall with the song? Half closeness (a low move under a quiet intro,
 * a high one in the mambo), half shape (the correlation, so a dance that follows the song's
 * contour at a different level still earns it). Flat music has no shape: closeness alone.
 */
export function scoreEnergy(ctx: JudgeContext): EnergyScore {
  const pairs = ctx.moves.flatMap((m, i) => {
    const music = sectionEnergy(ctx, m.songStart, m.songEnd)
    const dance = DANCE_ENERGY[ctx.annotations[i]?.energy ?? m.energy]
    return music === null ? [] : [{ music, dance }]
  })
  if (pairs.length === 0) return { meanAbsError: 0, correlation: null, score: 0.5 }
  const music = pairs.map((p) => p.music)
  const dance = pairs.map((p) => p.dance)
  const meanAbsError = mean(pairs.map((p) => Math.abs(p.music - p.dance)))
  const correlation = correlate(music, dance)
  const flat = Math.max(...music) - Math.min(...music) < FLAT_MUSIC
  // A dance at one level over changing music follows nothing: correlation 0.
  const shape = ((correlation ?? 0) + 1) / 2
  const score = flat ? 1 - meanAbsError : 0.5 * (1 - meanAbsError) + 0.5 * shape
  return { meanAbsError, correlation, score }
}
