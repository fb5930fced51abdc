/**
 * Where else the song plays what it plays here: for each beat, the beats elsewhere whose next
 * 8 beats sound most like its own next 8 (beat-synchronous band balance, attacks and chroma).
 * A chorus sung again, a verse over the same progression: a span and its repeat start on the
 * same count, whatever tags or short bars lie between them, so the count decoder can pool its
 * phrase evidence over them (decode-count-grid).
 */
export interface Echo {
  /** The echoing beat. */
  beat: number
  /** Cosine of the two 8-beat spans (song-centred), > 0. */
  weight: number
  /**
   * How much more alike than the echo's span shifted a bar either way (cosine difference): near
   * 0 in a vamp, where every bar sounds the same and the echo cannot tell 1 from 5.
   */
  edge: number
}

/** Beats per compared span: one 8-count. */
const SPAN = 8
/** Echoes kept per beat. */
const TOP = 3
/** An echo is at least a phrase away from its beat. */
const APART = 8
/** One beat's echoes are more than this apart: not one repeat found again a beat or a bar off. */
const DISTINCT = 6
/** Beats in a bar: the shift an echo must beat to tell 1 from 5. */
const BAR = 4
/** Spans are compared with those less than this many beats away (a 20-minute song at 180 BPM has 3,600). */
const WINDOW = 700

/** @param beatVectors per beat, a song-centred feature vector (the same length for every beat). */
export function findEchoes(beatVectors: readonly (readonly number[])[]): Echo[][] {
  const n = beatVectors.length
  const m = n - SPAN + 1
  if (m <= APART) return beatVectors.map(() => [])
  const d = beatVectors[0].length * SPAN
  const spans = new Float32Array(m * d)
  for (let i = 0; i < m; i++) {
    let norm = 0
    for (let k = 0; k < SPAN; k++) {
      const row = beatVectors[i + k]
      for (let c = 0; c < row.length; c++) { spans[i * d + k * row.length + c] = row[c]; norm += row[c] * row[c] }
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (let c = 0; c < d; c++) spans[i * d + c] *= s
  }
  // Each pair once (likeness is symmetric), for pairs less than B apart: band[i * B + (j - i)],
  // j > i (a span's own slot, j = i, stays 0 and is never an echo: APART).
  const B = Math.min(m, WINDOW)
  const band = new Float32Array(m * B)
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < Math.min(m, i + B); j++) {
      let dot = 0
      for (let c = 0; c < d; c++) dot += spans[i * d + c] * spans[j * d + c]
      band[i * B + j - i] = dot
    }
  }
  const out: Echo[][] = beatVectors.map(() => [])
  const sim = new Float32Array(m)
  for (let i = 0; i < m; i++) {
    const lo = Math.max(0, i - B + 1), hi = Math.min(m, i + B)
    for (let j = lo; j < hi; j++) sim[j] = band[Math.min(i, j) * B + Math.abs(j - i)]
    const picked: Echo[] = []
    while (picked.length < TOP) {
      let best = -1
      for (let j = lo; j < hi; j++) {
        if (Math.abs(j - i) < APART || sim[j] <= 0) continue
        if (picked.some((p) => Math.abs(p.beat - j) <= DISTINCT)) continue
        if (best < 0 || sim[j] > sim[best]) best = j
      }
      if (best < 0) break
      const nb = Math.max(best - BAR >= lo ? sim[best - BAR] : -1, best + BAR < hi ? sim[best + BAR] : -1)
      picked.push({ beat: best, weight: sim[best], edge: sim[best] - nb })
    }
    out[i] = picked
  }
  return out
}
