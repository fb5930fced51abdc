/**
 * Beat tracking by dynamic programming (Ellis 2007): each frame's best score is its onset
 * strength plus the best predecessor one period back, penalised by how far the gap strays
 * from the period on a log scale. The penalty is soft, so the path follows a live band's
 * drift instead of a constant grid. Returns beat positions in (fractional) frames.
 */
export interface TrackBeatsOptions {
  /** Beat period in frames; a function allows a tempo curve. */
  period: number | ((frame: number) => number)
  /** Higher = stiffer tempo. */
  tightness?: number
}

export function trackBeats(envelope: Float32Array, opts: TrackBeatsOptions): number[] {
  const n = envelope.length
  if (n === 0) return []
  const periodAt = typeof opts.period === 'function' ? opts.period : () => opts.period as number
  const tightness = opts.tightness ?? 100
  let sd = 0
  let m = 0
  for (let i = 0; i < n; i++) m += envelope[i]
  m /= n
  for (let i = 0; i < n; i++) sd += (envelope[i] - m) ** 2
  sd = Math.sqrt(sd / n) || 1
  const o = new Float64Array(n)
  for (let i = 0; i < n; i++) o[i] = envelope[i] / sd

  const score = new Float64Array(n)
  const back = new Int32Array(n).fill(-1)
  for (let t = 0; t < n; t++) {
    const p = periodAt(t)
    const lo = Math.max(0, Math.floor(t - 1.5 * p))
    const hi = Math.min(t - 1, Math.ceil(t - 0.66 * p))
    let best = -Infinity
    let arg = -1
    for (let tau = lo; tau <= hi; tau++) {
      const dev = Math.log((t - tau) / p)
      const s = score[tau] - tightness * dev * dev
      if (s > best) { best = s; arg = tau }
    }
    score[t] = o[t] + (arg >= 0 && best > 0 ? best : 0)
    back[t] = arg >= 0 && best > 0 ? arg : -1
  }
  // End on the best-scoring frame of the last period and a half.
  const tailStart = Math.max(0, Math.floor(n - 1.5 * periodAt(n - 1)))
  let end = tailStart
  for (let t = tailStart; t < n; t++) if (score[t] > score[end]) end = t
  const beats: number[] = []
  for (let t = end; t >= 0; t = back[t]) {
    beats.push(t)
    if (back[t] < 0) break
  }
  return beats.reverse()
}
