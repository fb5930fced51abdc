import { clamp01, percentile } from './signal-utils'

/** Half a second: one point per beat at 120 BPM, ~360 points for a 3-minute song (a few kB). */
export const ENVELOPE_HOP_SECONDS = 0.5
/** The plot's floor: this many dB under the song's loud passages reads as silence. */
const RANGE_DB = 36
/** Below this RMS level (dBFS) nothing is playing. */
const SILENT_DB = -70

export interface EnergyEnvelope { hopSeconds: number; values: number[] }

/**
 * Loudness over time for the analysis plot: the RMS of each half second in dB, relative to
 * the song's own loud level (95th percentile, so one clap does not flatten the rest),
 * mapped to 0–1 over the top 36 dB. Relative on purpose: a quiet master and a loud one draw
 * the same shape, which is what a dancer reads (where it builds, where it drops out).
 */
export function measureEnergyEnvelope(x: Float32Array, sampleRate: number, hopSeconds = ENVELOPE_HOP_SECONDS): EnergyEnvelope {
  const hop = Math.max(1, Math.round(hopSeconds * sampleRate))
  const db: number[] = []
  for (let start = 0; start < x.length; start += hop) {
    const end = Math.min(x.length, start + hop)
    let sum = 0
    for (let i = start; i < end; i++) sum += x[i] * x[i]
    db.push(10 * Math.log10(sum / (end - start) + 1e-12))
  }
  const loud = percentile(db, 95)
  // Digital silence (or near it) has no loud passages to be relative to: it is all floor.
  if (loud < SILENT_DB) return { hopSeconds, values: db.map(() => 0) }
  return { hopSeconds, values: db.map((d) => Math.round(clamp01((d - (loud - RANGE_DB)) / RANGE_DB) * 100) / 100) }
}
