/**
 * MIREX-style F-measure: an estimate counts if it falls within ±window seconds of a
 * reference event, each reference matched at most once. Used by the acceptance tests and
 * the benchmark so both grade the same way.
 */
export const MIREX_WINDOW_SECONDS = 0.07

export interface FMeasure { f: number; precision: number; recall: number; matched: number }

export function fMeasure(reference: readonly number[], estimated: readonly number[], window = MIREX_WINDOW_SECONDS): FMeasure {
  if (reference.length === 0 || estimated.length === 0) return { f: 0, precision: 0, recall: 0, matched: 0 }
  const ref = [...reference].sort((a, b) => a - b)
  const est = [...estimated].sort((a, b) => a - b)
  const used = new Uint8Array(ref.length)
  let matched = 0
  let j = 0
  for (const e of est) {
    while (j < ref.length && ref[j] < e - window) j++
    // Nearest unused reference inside the window.
    let best = -1
    for (let k = j; k < ref.length && ref[k] <= e + window; k++) {
      if (!used[k] && (best < 0 || Math.abs(ref[k] - e) < Math.abs(ref[best] - e))) best = k
    }
    if (best >= 0) { used[best] = 1; matched++ }
  }
  const precision = matched / est.length
  const recall = matched / ref.length
  const f = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { f, precision, recall, matched }
}

/** Relative tempo error, |est - ref| / ref. */
export function tempoError(referenceBpm: number, estimatedBpm: number): number {
  return Math.abs(estimatedBpm - referenceBpm) / referenceBpm
}
