/**
 * The numeric helpers every layer shares (analysis, the choreography engine, the judge and
 * the benchmarks), so "median" or "p95" means one thing across the product.
 */

/** Nearest-rank percentile (p in 0–100, no interpolation); 0 for no values. */
export function percentile(x: ArrayLike<number>, p: number): number {
  if (x.length === 0) return 0
  const s = Float64Array.from(x).sort()
  const i = Math.min(s.length - 1, Math.max(0, Math.round((p / 100) * (s.length - 1))))
  return s[i]
}

/** Arithmetic mean; 0 for no values. */
export function mean(x: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < x.length; i++) s += x[i]
  return x.length ? s / x.length : 0
}

/** The upper median for an even count (a value that occurs, never an average of two). */
export function median(x: ArrayLike<number>): number {
  return percentile(x, 50)
}

/** Clamped to 0–1; anything not finite counts as 0. */
export const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : Number.isFinite(v) ? v : 0)
