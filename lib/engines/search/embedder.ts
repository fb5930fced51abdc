/**
 * Turns texts into unit vectors. `id` names the model and everything that shapes its output
 * (lexicon version, vocabulary): vectors are stored with it, and a different id means the
 * library must be re-embedded before vectors are compared.
 */
export interface Embedder {
  id: string
  dims: number
  embed(texts: string[]): Promise<Float32Array[]>
}

/** Scales to unit length in place; a zero vector (no known words) stays zero. */
export function normalizeInPlace(v: Float32Array): Float32Array {
  let s = 0
  for (let i = 0; i < v.length; i++) s += v[i] * v[i]
  if (s > 0) {
    const inv = 1 / Math.sqrt(s)
    for (let i = 0; i < v.length; i++) v[i] *= inv
  }
  return v
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * b[i]
  return s
}
