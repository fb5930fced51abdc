import { BAR_TEMPLATE } from './track-beats-and-bars'
import { maxNear } from './signal-utils'

/**
 * A second opinion on the grid, used for confidence: the tracked beats are split into
 * eighths and each of the 8 eighth positions is tried as the start of the bar, scored by how
 * well the bar's averaged onset profile fits the bachata bar template (bass on 1 and 3 and
 * the anticipation, the slap on 4) plus chord changes at the bar line. A clear winner that
 * agrees with the tracker means a trustworthy grid; an odd winner means the tracker is on
 * the "and".
 */
export interface MetricalPhase {
  /** Winning eighth position (0–7) of the bar start relative to the tracked beats. */
  eighth: number
  /** True when the tracked beats are the "and"s (eighth is odd). */
  offBeat: boolean
  /** Index (0–3) of the first tracked beat that is a downbeat (only meaningful when !offBeat). */
  barOffset: number
  /** Scores of the 8 hypotheses, for confidence. */
  scores: number[]
}

export interface MetricalPhaseInput {
  /** Tracked beats, in frames. */
  beats: number[]
  /** [band][frame] onset strength. */
  bands: Float32Array[]
  /** Per tracked beat, how much the harmony changes at that beat (0–1), or null. */
  harmonicChange?: number[] | null
}

export function findMetricalPhase(input: MetricalPhaseInput): MetricalPhase {
  const { beats, bands } = input
  const eighths: number[] = []
  for (let i = 0; i < beats.length; i++) {
    eighths.push(beats[i])
    if (i + 1 < beats.length) eighths.push((beats[i] + beats[i + 1]) / 2)
  }
  const period = beats.length > 1 ? (beats[beats.length - 1] - beats[0]) / (beats.length - 1) : 40
  const radius = Math.max(1, 0.1 * period)
  const scores: number[] = []
  for (let h = 0; h < 8; h++) {
    let score = 0
    for (const [bandKey, weights] of Object.entries(BAR_TEMPLATE)) {
      const env = bands[Number(bandKey)]
      const profile = new Array(8).fill(0)
      const counts = new Array(8).fill(0)
      for (let e = 0; e < eighths.length; e++) {
        const pos = (((e - h) % 8) + 8) % 8
        profile[pos] += maxNear(env, eighths[e], radius)
        counts[pos]++
      }
      for (let j = 0; j < 8; j++) profile[j] /= Math.max(1, counts[j])
      score += templateFit(profile, weights)
    }
    if (input.harmonicChange && h % 2 === 0) {
      const prof = [0, 0, 0, 0]
      const cnt = [0, 0, 0, 0]
      input.harmonicChange.forEach((c, i) => {
        const pos = (((i - h / 2) % 4) + 4) % 4
        prof[pos] += c
        cnt[pos]++
      })
      for (let j = 0; j < 4; j++) prof[j] /= Math.max(1, cnt[j])
      score += templateFit(prof, [1, -0.3, -0.3, -0.4])
    }
    scores.push(score)
  }
  let eighth = 0
  for (let h = 1; h < 8; h++) if (scores[h] > scores[eighth]) eighth = h
  return { eighth, offBeat: eighth % 2 === 1, barOffset: (eighth >> 1) % 4, scores }
}

/** Correlation-like fit of a z-scored profile with a template. */
function templateFit(profile: number[], weights: readonly number[]): number {
  const n = profile.length
  const m = profile.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(profile.reduce((a, b) => a + (b - m) ** 2, 0) / n)
  if (sd < 1e-9) return 0
  let s = 0
  for (let j = 0; j < n; j++) s += ((profile[j] - m) / sd) * weights[j]
  return s / n
}
