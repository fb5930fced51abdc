import { BAND, FRAME_RATE } from './analysis-config'

/**
 * Beats and bar positions in one dynamic programme. Each state is (frame, position in the
 * bar 1–4); a beat's score is its onset strength plus how well the bands around it match
 * what a bachata bar sounds like at that position — bass on 1 and 3, the bongo slap on 4,
 * the bass anticipation on the "and" of 4 — checked on the beat and on its "and". A path
 * that follows the off-beat cannot collect those rewards, so the tracker prefers the beat
 * even where the off-beat accents (güira, chucks, anticipations) are louder. Transitions
 * are Ellis-style: a soft log-penalty on deviation from the period, so tempo may drift.
 */
export interface BeatsAndBars {
  /** Beat positions in frames. */
  beats: number[]
  /** Bar position (0 = downbeat) of each beat. */
  positions: number[]
}

export interface TrackBeatsAndBarsOptions {
  /** Beat period in frames, constant or as a tempo curve. */
  period: number | ((frame: number) => number)
  tightness?: number
  /** Weight of the bar template relative to the plain onset strength. */
  templateWeight?: number
  /**
   * Cost of a bar that does not follow 1-2-3-4 (a 2-beat bar where sections join, the band
   * re-entering on a new 1 after a stop), in units of the per-beat score. Infinity keeps the
   * bar strictly 4-cyclic.
   */
  barJumpCost?: number
  /** Cost of skipping a pause in one step (a re-entry on a new beat); Infinity forbids it. */
  reentryCost?: number
  /**
   * A beat the path must start on (frame, bar position): nothing before it is tracked and the
   * path never starts afresh after it, so its phase carries through to the end.
   */
  start?: { frame: number; position: number }
}

/** [band] weights at (1, &, 2, &, 3, &, 4, &): the same bachata bar as shared/BACHATA.md. */
export const BAR_TEMPLATE: Record<number, readonly number[]> = {
  [BAND.bass]: [0.6, -0.6, -0.3, 0, 1, -0.6, -0.3, 0.6],
  [BAND.high]: [0, -0.2, 0, -0.2, 0, -0.2, 1.5, -0.2],
}

export function trackBeatsAndBars(combined: Float32Array, bands: Float32Array[], opts: TrackBeatsAndBarsOptions): BeatsAndBars {
  const n = combined.length
  if (n === 0) return { beats: [], positions: [] }
  const periodAt = typeof opts.period === 'function' ? opts.period : () => opts.period as number
  const tightness = opts.tightness ?? 100
  const gamma = opts.templateWeight ?? 1

  // Onset strength in units of its 98th percentile (x4, which is where a standard deviation
  // puts it on dense band music): robust to how sparse the envelope is.
  const sorted = Float32Array.from(combined).sort()
  const scale = Math.max(sorted[Math.floor(0.98 * (n - 1))], 1e-9) / 4

  // Emission per frame and bar position.
  const emit = new Float64Array(n * 4)
  const templated = Object.entries(BAR_TEMPLATE).map(([b, w]) => ({
    on: maxFilter(bands[Number(b)], -2, 2),
    and: andFilter(bands[Number(b)], periodAt),
    w,
  }))
  for (let t = 0; t < n; t++) {
    const base = combined[t] / scale
    for (let k = 0; k < 4; k++) {
      let s = 0
      for (const { on, and, w } of templated) s += w[2 * k] * on[t] + w[2 * k + 1] * and[t]
      emit[t * 4 + k] = base + gamma * s
    }
  }

  const jumpCost = opts.barJumpCost ?? Infinity
  // Re-entry after a pause: the band stops, waits a free length of time and comes back on a
  // new beat. A path may then skip the silence in one step (any bar position, at a cost)
  // instead of bending its tempo to reach the re-entry. lastLoud[t]: the last frame at or
  // before t with an attack worth the name.
  const reentryCost = opts.reentryCost ?? 4
  const lastLoud = new Int32Array(n)
  for (let t = 0, last = -1; t < n; t++) { if (combined[t] / scale > 0.5) last = t; lastLoud[t] = last }
  const score = new Float64Array(n * 4)
  const back = new Int32Array(n * 4).fill(-1)
  const backK = new Int8Array(n * 4)
  const startT = opts.start ? Math.max(0, Math.min(n - 1, Math.round(opts.start.frame))) : 0
  if (opts.start) {
    score.fill(-Infinity, 0, (startT + 1) * 4)
    score[startT * 4 + opts.start.position] = emit[startT * 4 + opts.start.position]
  }
  for (let t = startT + (opts.start ? 1 : 0); t < n; t++) {
    const p = periodAt(t)
    const lo = Math.max(1, Math.round(0.66 * p))
    const hi = Math.round(1.5 * p)
    const best = [-Infinity, -Infinity, -Infinity, -Infinity]
    const arg = [-1, -1, -1, -1]
    const argK = [0, 0, 0, 0]
    for (let d = lo; d <= hi && d <= t; d++) {
      const dev = Math.log(d / p)
      const pen = tightness * dev * dev
      const base = (t - d) * 4
      // The best previous beat whatever its position: where a jump would come from.
      let top = 0
      for (let j = 1; j < 4; j++) if (score[base + j] > score[base + top]) top = j
      for (let k = 0; k < 4; k++) {
        const regular = (k + 3) % 4
        let s = score[base + regular] - pen
        let from = regular
        if (top !== regular && score[base + top] - pen - jumpCost > s) { s = score[base + top] - pen - jumpCost; from = top }
        if (s > best[k]) { best[k] = s; arg[k] = t - d; argK[k] = from }
      }
    }
    const quietFrom = t >= 3 ? lastLoud[t - 3] : -1
    // The band comes back with an attack: the re-entry lands on one, never in the silence.
    if (Number.isFinite(reentryCost) && quietFrom >= 0 && t - 3 - quietFrom >= p && lastLoud[Math.min(n - 1, t + 2)] >= t - 2) {
      let top = -Infinity, topT = -1, topK = 0
      const lo2 = Math.max(0, Math.round(quietFrom - p)), hi2 = Math.min(t - Math.round(1.5 * p), Math.round(quietFrom + p))
      for (let u = Math.max(lo2, t - Math.round(6 * FRAME_RATE)); u <= hi2; u++) for (let j = 0; j < 4; j++) if (score[u * 4 + j] > top) { top = score[u * 4 + j]; topT = u; topK = j }
      for (let k = 0; k < 4; k++) if (topT >= 0 && top - reentryCost > best[k]) { best[k] = top - reentryCost; arg[k] = topT; argK[k] = topK }
    }
    for (let k = 0; k < 4; k++) {
      // Unpinned, a path starts afresh where every way in scores below zero (Ellis); pinned,
      // every path goes back to the start beat or does not exist.
      if (opts.start && best[k] === -Infinity) { score[t * 4 + k] = -Infinity; continue }
      const keep = arg[k] >= 0 && (opts.start !== undefined || best[k] > 0)
      score[t * 4 + k] = emit[t * 4 + k] + (keep ? best[k] : 0)
      back[t * 4 + k] = keep ? arg[k] : -1
      backK[t * 4 + k] = argK[k]
    }
  }
  const tailStart = Math.max(startT, Math.floor(n - 1.5 * periodAt(n - 1)))
  let endT = tailStart
  let endK = 0
  for (let t = tailStart; t < n; t++) for (let k = 0; k < 4; k++) if (score[t * 4 + k] > score[endT * 4 + endK]) { endT = t; endK = k }
  const beats: number[] = []
  const positions: number[] = []
  for (let t = endT, k = endK; t >= 0; ) {
    beats.push(t)
    positions.push(k)
    const prev = back[t * 4 + k]
    if (prev < 0) break
    const prevK = backK[t * 4 + k]
    t = prev
    k = prevK
  }
  return { beats: beats.reverse(), positions: positions.reverse() }
}

/** out[t] = max of x where the "and" after a beat at t can fall (straight to swung). */
function andFilter(x: Float32Array, periodAt: (t: number) => number): Float32Array {
  const out = new Float32Array(x.length)
  for (let t = 0; t < x.length; t++) {
    const p = periodAt(t)
    let mx = 0
    const a = Math.min(x.length - 1, t + Math.round(0.45 * p))
    const b = Math.min(x.length - 1, t + Math.round(0.64 * p))
    for (let i = a; i <= b; i++) if (x[i] > mx) mx = x[i]
    out[t] = mx
  }
  return out
}

/** out[t] = max of x over [t + from, t + to]. */
function maxFilter(x: Float32Array, from: number, to: number): Float32Array {
  const out = new Float32Array(x.length)
  for (let t = 0; t < x.length; t++) {
    let mx = 0
    const a = Math.max(0, t + from)
    const b = Math.min(x.length - 1, t + to)
    for (let i = a; i <= b; i++) if (x[i] > mx) mx = x[i]
    out[t] = mx
  }
  return out
}

/**
 * Per beat, how well a bar starting 0, 1, 2 or 3 beats before it fits the bachata bar
 * template at this beat: [beat][position in the bar]. The same observation the tracker
 * uses, read at the tracked beats only, for the count decoder (decode-count-grid).
 */
export function barTemplateAtBeats(bands: Float32Array[], periodAt: (frame: number) => number, beatFrames: readonly number[]): number[][] {
  const templated = Object.entries(BAR_TEMPLATE).map(([b, w]) => {
    const x = bands[Number(b)]
    // In units of the band's own typical onset, so a loud bass does not outvote the slap.
    const sorted = Float32Array.from(x).sort()
    return { x, w, scale: Math.max(sorted[Math.floor(0.9 * (sorted.length - 1))] ?? 0, 1e-9) }
  })
  const maxIn = (x: Float32Array, a: number, b: number) => {
    let mx = 0
    for (let i = Math.max(0, a); i <= Math.min(x.length - 1, b); i++) if (x[i] > mx) mx = x[i]
    return mx
  }
  return beatFrames.map((t) => {
    const p = periodAt(t)
    const row = [0, 0, 0, 0]
    for (const { x, w, scale } of templated) {
      const on = maxIn(x, t - 2, t + 2) / scale
      const and = maxIn(x, t + Math.round(0.45 * p), t + Math.round(0.64 * p)) / scale
      for (let k = 0; k < 4; k++) row[k] += w[2 * k] * on + w[2 * k + 1] * and
    }
    return row
  })
}
