import type { SpectralFeatures } from './compute-spectral-features'
import { movingAverage, percentile } from './signal-utils'

/**
 * Per-band onset strength, locally detrended (so a loud passage does not look like a long
 * onset) and scaled so each band counts on its own terms: a quiet bass line carries as much
 * beat evidence as a loud güira. The floor keeps silence and faint hiss from being blown up
 * into "rhythm".
 */
export interface OnsetEnvelope {
  frameRate: number
  /** Weighted sum of the bands, the input of tempo and beat tracking. */
  combined: Float32Array
  /** [band][frame] detrended, scaled onset strength. */
  bands: Float32Array[]
}

const BAND_WEIGHTS = [2, 0.5, 0.5, 0.5, 1]
/** Below this (mean log-flux per bin), a band has no audible attacks at all. */
const FLUX_FLOOR = 0.02

export function buildOnsetEnvelope(features: SpectralFeatures): OnsetEnvelope {
  const n = features.frameCount
  const radius = Math.round(0.2 * features.frameRate)
  const bands = features.bandFlux.map((flux) => {
    const trend = movingAverage(flux, radius)
    const y = new Float32Array(n)
    for (let i = 0; i < n; i++) y[i] = Math.max(0, flux[i] - trend[i])
    const scale = Math.max(percentile(y, 98), FLUX_FLOOR)
    for (let i = 0; i < n; i++) y[i] = Math.min(y[i] / scale, 2)
    return y
  })
  const raw = new Float32Array(n)
  bands.forEach((y, b) => {
    for (let i = 0; i < n; i++) raw[i] += BAND_WEIGHTS[b] * y[i]
  })
  // Peaks are one or two frames wide; a ~20 ms smoothing lets periodicity measures and
  // the beat tracker tolerate a player's timing jitter.
  const combined = new Float32Array(n)
  const kernel = [0.1, 0.2, 0.4, 0.2, 0.1]
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let k = -2; k <= 2; k++) if (i + k >= 0 && i + k < n) s += kernel[k + 2] * raw[i + k]
    combined[i] = s
  }
  return { frameRate: features.frameRate, combined, bands }
}

