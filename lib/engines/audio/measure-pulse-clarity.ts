/**
 * How periodic the onset envelope is around each beat: the correlation (Pearson) of a
 * window of about eight beats with itself shifted by the local beat period. A band in time (at the beat, half-bar or bar lag)
 * scores ~0.5–0.9; rubato guitar, silence, noise and a steady tone score near 0. Used to
 * trim beats the tracker invented before the band starts or after it stops, and as part of
 * the confidence.
 */
export function measurePulseClarity(envelope: Float32Array, beats: number[], periodAt: (frame: number) => number, halfWindowBeats = 4): number[] {
  const out: number[] = []
  for (let i = 0; i < beats.length; i++) {
    const a = Math.max(0, i - halfWindowBeats)
    const b = Math.min(beats.length - 1, i + halfWindowBeats)
    // The tempo curve, not the local beat spacing: where the tracker slides between
    // phases its spacing is wrong, while the music's period is not.
    const start = Math.max(0, Math.round(beats[a]))
    const period = periodAt(beats[i])
    let best = 0
    // Beat, half-bar and bar lags: an intro guitar accenting 3+3+2 repeats per bar, not per beat.
    for (const mult of [1, 2, 4]) {
      const lag = Math.round(period * mult)
      const end = Math.min(envelope.length - lag, Math.round(beats[b]))
      if (lag > 0 && end - start > lag) best = Math.max(best, correlation(envelope, start, end, lag))
    }
    out.push(best)
  }
  return out
}

function correlation(x: Float32Array, start: number, end: number, lag: number): number {
  let sa = 0
  let sb = 0
  const n = end - start
  for (let t = start; t < end; t++) {
    sa += x[t]
    sb += x[t + lag]
  }
  const ma = sa / n
  const mb = sb / n
  let ab = 0
  let aa = 0
  let bb = 0
  for (let t = start; t < end; t++) {
    const u = x[t] - ma
    const v = x[t + lag] - mb
    ab += u * v
    aa += u * u
    bb += v * v
  }
  return aa > 1e-12 && bb > 1e-12 ? ab / Math.sqrt(aa * bb) : 0
}
