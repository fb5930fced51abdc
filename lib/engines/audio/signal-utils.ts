/** Signal helpers of the analysis steps; the general ones (mean, median…) live in shared/numbers. */
export { clamp01, mean, median, percentile } from '@/lib/shared/numbers'

export function movingAverage(x: ArrayLike<number>, radius: number): Float32Array {
  const n = x.length
  const out = new Float32Array(n)
  const prefix = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i]
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - radius)
    const b = Math.min(n, i + radius + 1)
    out[i] = (prefix[b] - prefix[a]) / (b - a)
  }
  return out
}

/** Value of x at a fractional index, linearly interpolated, 0 outside. */
export function sampleAt(x: ArrayLike<number>, pos: number): number {
  const k = Math.floor(pos)
  if (k < 0 || k >= x.length) return 0
  const f = pos - k
  return k + 1 < x.length ? x[k] * (1 - f) + x[k + 1] * f : x[k]
}

/** Max of x within ±radius of a fractional index. */
export function maxNear(x: ArrayLike<number>, pos: number, radius: number): number {
  let m = 0
  const a = Math.max(0, Math.round(pos - radius))
  const b = Math.min(x.length - 1, Math.round(pos + radius))
  for (let i = a; i <= b; i++) if (x[i] > m) m = x[i]
  return m
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0
  let aa = 0
  let bb = 0
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i]
    aa += a[i] * a[i]
    bb += b[i] * b[i]
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0
}

export const toDb = (power: number) => 10 * Math.log10(power + 1e-12)
