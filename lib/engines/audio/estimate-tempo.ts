import { MAX_BPM, MIN_BPM, PRIOR_BPM } from './analysis-config'
import { sampleAt } from './signal-utils'

/**
 * Global tempo from the autocorrelation of the onset envelope, scored as a comb (the beat
 * period and its multiples up to the bar, where bachata's bar-long patterns repeat) under a
 * broad log-normal prior centred in the bachata range. Searching only 90–180 BPM (one octave) removes
 * the octave errors that plague general trackers (eighth-note güira at 2x, half-time at 1/2).
 */
/** Width of the prior, in octaves. The search spans one octave (90–180), so the prior only
 * arbitrates 3:2 readings; a narrow one pulled real 165–170 BPM songs down to 110–113. */
const PRIOR_OCTAVES = 1

export interface TempoEstimate {
  bpm: number
  /** Beat period in frames. */
  period: number
  /** 0–1: how much the winning comb stands out of the autocorrelation's background. */
  clarity: number
}

export function autocorrelate(x: Float32Array, maxLag: number): Float64Array {
  const n = x.length
  let m = 0
  for (let i = 0; i < n; i++) m += x[i]
  m /= Math.max(1, n)
  const r = new Float64Array(maxLag + 1)
  for (let lag = 0; lag <= maxLag && lag < n; lag++) {
    let s = 0
    for (let i = 0; i + lag < n; i++) s += (x[i] - m) * (x[i + lag] - m)
    r[lag] = s / (n - lag)
  }
  return r
}

export function estimateTempo(envelope: Float32Array, frameRate: number): TempoEstimate {
  const maxLag = Math.ceil(((60 * frameRate) / MIN_BPM) * 4) + 2
  const r = autocorrelate(envelope, maxLag)
  const r0 = r[0] > 0 ? r[0] : 1
  let best = { bpm: PRIOR_BPM, score: -Infinity, raw: 0 }
  const scores: number[] = []
  for (let bpm = MIN_BPM; bpm <= MAX_BPM; bpm += 0.1) {
    const lag = (60 * frameRate) / bpm
    const raw = (sampleAt(r, lag) + sampleAt(r, 2 * lag) / 2 + sampleAt(r, 3 * lag) / 3 + sampleAt(r, 4 * lag) / 4) / r0
    const prior = Math.exp(-0.5 * (Math.log2(bpm / PRIOR_BPM) / PRIOR_OCTAVES) ** 2)
    const score = raw * prior
    scores.push(raw)
    if (score > best.score) best = { bpm, score, raw }
  }
  // Clarity: the winner against the typical comb value across the range.
  const sorted = [...scores].sort((a, b) => a - b)
  const typical = sorted[Math.floor(sorted.length / 2)]
  const spread = Math.max(1e-9, sorted[sorted.length - 1] - sorted[0])
  const clarity = Math.max(0, Math.min(1, (best.raw - typical) / spread)) * Math.min(1, Math.max(0, best.raw) * 4)
  return { bpm: best.bpm, period: (60 * frameRate) / best.bpm, clarity }
}
