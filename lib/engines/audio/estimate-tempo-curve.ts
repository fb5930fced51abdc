import { autocorrelate } from './estimate-tempo'
import { sampleAt } from './signal-utils'

/**
 * The local beat period over time, from autocorrelations of overlapping windows searched
 * within ±8 % of the global period. Autocorrelation does not care about phase, so this
 * curve follows a live band's drift (and a tempo change after a pausa) without any pull
 * towards the off-beat; the beat tracker can then hold the phase tightly.
 */
export interface TempoCurve {
  /** Beat period in frames at a frame index. */
  periodAt(frame: number): number
}

export function estimateTempoCurve(envelope: Float32Array, frameRate: number, globalPeriod: number): TempoCurve {
  const win = Math.round(8 * frameRate)
  const hop = Math.round(1 * frameRate)
  const n = envelope.length
  if (n < win * 1.5) return { periodAt: () => globalPeriod }
  const centers: number[] = []
  const periods: number[] = []
  const maxLag = Math.ceil(globalPeriod * 1.08 * 4) + 2
  for (let start = 0; start + win <= n; start += hop) {
    const r = autocorrelate(envelope.subarray(start, start + win), maxLag)
    let best = globalPeriod
    let bestScore = -Infinity
    for (let p = globalPeriod * 0.92; p <= globalPeriod * 1.08; p += 0.1) {
      const s = sampleAt(r, p) + sampleAt(r, 2 * p) / 2 + sampleAt(r, 4 * p) / 4
      if (s > bestScore) { bestScore = s; best = p }
    }
    centers.push(start + win / 2)
    periods.push(bestScore > 0 ? best : globalPeriod)
  }
  // A running median drops the odd window fooled by a fill or a pausa.
  const smooth = periods.map((_, i) => {
    const w = periods.slice(Math.max(0, i - 3), i + 4).sort((a, b) => a - b)
    return w[w.length >> 1]
  })
  return {
    periodAt(frame: number) {
      if (frame <= centers[0]) return smooth[0]
      const last = centers.length - 1
      if (frame >= centers[last]) return smooth[last]
      const i = Math.min(last - 1, Math.floor((frame - centers[0]) / hop))
      const f = (frame - centers[i]) / (centers[i + 1] - centers[i])
      return smooth[i] * (1 - f) + smooth[i + 1] * f
    },
  }
}
