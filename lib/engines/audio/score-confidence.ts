import { clamp01 } from './signal-utils'

/**
 * One number the UI can act on ("we are not sure about count 1 — tap to adjust"), built
 * from the parts that can each go wrong: is there a pulse at all (tempo clarity, pulse
 * clarity of the beats), is the bar phase unambiguous, is count 1 unambiguous, and how much
 * of the song is metered. Silence, noise and a steady tone fail the first two and score ~0.
 */
export interface ConfidenceParts {
  tempo: number
  beats: number
  bars: number
  countOne: number
  coverage: number
}

export function scoreConfidence(parts: ConfidenceParts): number {
  const pulse = Math.min(parts.tempo, parts.beats)
  const v = pulse * (0.5 + 0.5 * parts.bars) * (0.6 + 0.4 * parts.countOne) * clamp01(parts.coverage / 0.6)
  return Math.round(clamp01(v) * 1000) / 1000
}

/** Map a median pulse clarity (≈0 for no pulse, ≈0.8 for a tight band) to 0–1. */
export const beatsConfidence = (medianClarity: number) => clamp01((medianClarity - 0.25) / 0.4)

/** Map a template-score margin between the best and second-best bar phase to 0–1. */
export const barConfidence = (margin: number, agrees: boolean) => (agrees ? clamp01(margin / 0.6) : 0)
