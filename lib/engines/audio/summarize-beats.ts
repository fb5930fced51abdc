import type { SpectralFeatures } from './compute-spectral-features'
import { cosine, toDb } from './signal-utils'

/**
 * Beat-synchronous summaries: for each beat span [beat i, beat i+1), the mean band energies
 * (dB), the mean chroma, and the onset density per band. Everything after the beat grid
 * (bar phase, 8-count, breaks, sections) works on these instead of raw frames.
 */
export interface BeatSummary {
  /** [beat] total energy, dB. */
  energyDb: number[]
  /** [beat][band] energy, dB. */
  bandDb: number[][]
  /** [beat] 12-bin chroma, L1-normalised (zeros in silence). */
  chroma: Float32Array[]
  /** [beat][band] mean onset strength inside the span. */
  onsetDensity: number[][]
  /** [beat] 1 - cosine between the chroma of the two beats after and the two before. */
  harmonicChange: number[]
}

export function summarizeBeats(beatFrames: number[], features: SpectralFeatures, bands: Float32Array[], period: number): BeatSummary {
  const n = beatFrames.length
  const chromaPerFrame = features.chromaRate / features.frameRate
  const energyDb: number[] = []
  const bandDb: number[][] = []
  const chroma: Float32Array[] = []
  const onsetDensity: number[][] = []
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, Math.round(beatFrames[i]))
    const next = i + 1 < n ? beatFrames[i + 1] : beatFrames[i] + period
    const b = Math.max(a + 1, Math.min(features.frameCount, Math.round(next)))
    const perBand = features.bandEnergy.map((e) => {
      let s = 0
      for (let t = a; t < b; t++) s += e[t] ?? 0
      return s / (b - a)
    })
    bandDb.push(perBand.map(toDb))
    energyDb.push(toDb(perBand.reduce((x, y) => x + y, 0)))
    onsetDensity.push(bands.map((env) => {
      let s = 0
      for (let t = a; t < b; t++) s += env[t] ?? 0
      return s / (b - a)
    }))
    const c = new Float32Array(12)
    const ca = Math.floor(a * chromaPerFrame)
    const cb = Math.max(ca + 1, Math.ceil(b * chromaPerFrame))
    for (let j = ca; j < cb && j < features.chroma.length; j++) for (let k = 0; k < 12; k++) c[k] += features.chroma[j][k]
    const sum = c.reduce((x, y) => x + y, 0)
    if (sum > 0) for (let k = 0; k < 12; k++) c[k] /= sum
    chroma.push(c)
  }
  const harmonicChange = chroma.map((_, i) => {
    if (i < 2 || i + 2 > n) return 0
    const before = new Float32Array(12)
    const after = new Float32Array(12)
    for (let k = 0; k < 12; k++) {
      before[k] = chroma[i - 2][k] + chroma[i - 1][k]
      after[k] = chroma[i][k] + (chroma[i + 1]?.[k] ?? 0)
    }
    return 1 - cosine(before, after)
  })
  return { energyDb, bandDb, chroma, onsetDensity, harmonicChange }
}
