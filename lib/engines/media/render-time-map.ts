/**
 * The piecewise-linear time map of one segment, in whole frames. Anchor k pairs the clip
 * frame where count k begins (the first frame at or after the count's clip time: where the
 * library's beat marker flashes) with the output frame where that count must be on screen.
 * Between anchors the clip plays at the rate that joins them, so a live band's drifting
 * tempo is followed count by count and every count lands exactly on its frame.
 *
 * Output frame j shows source frame map(j) (sample and hold). FFmpeg gets the inverse: each
 * source frame's timestamp is the first output frame that shows it, then the fps filter
 * holds frames across gaps and drops frames that share a timestamp (the last one wins).
 */
export interface FrameAnchor {
  source: number
  output: number
}

const EPS = 1e-6

export function frameAnchors(clipTimes: number[], countFrames: number[], clipFps: number): FrameAnchor[] {
  if (clipTimes.length !== countFrames.length || clipTimes.length < 2) {
    throw new Error('time map needs matching clip times and count frames (at least two)')
  }
  return clipTimes.map((t, k) => ({ source: Math.max(0, Math.ceil(t * clipFps - EPS)), output: countFrames[k] }))
}

interface Piece {
  a: FrameAnchor
  dSource: number
  dOutput: number
}

function pieces(anchors: FrameAnchor[]): Piece[] {
  const out: Piece[] = []
  for (let k = 0; k + 1 < anchors.length; k++) {
    const dSource = anchors[k + 1].source - anchors[k].source
    const dOutput = anchors[k + 1].output - anchors[k].output
    out.push({ a: anchors[k], dSource, dOutput })
  }
  return out
}

/** The piece whose rate plays the lead-in (before the first anchor) or the tail (after the last). */
function edgeRate(ps: Piece[], fromEnd: boolean): { dSource: number; dOutput: number } {
  const ordered = fromEnd ? [...ps].reverse() : ps
  return ordered.find((x) => x.dSource > 0 && x.dOutput > 0) ?? { dSource: 1, dOutput: 1 }
}

/** Source frame shown at output frame j (the forward map; clamped at the clip's frame 0). */
export function sourceFrameAt(anchors: FrameAnchor[], j: number): number {
  const ps = pieces(anchors)
  const first = anchors[0], last = anchors[anchors.length - 1]
  const step = (a: FrameAnchor, r: { dSource: number; dOutput: number }) =>
    a.source + Math.floor(((j - a.output) * r.dSource) / r.dOutput + EPS)
  let src: number
  if (j < first.output) src = step(first, edgeRate(ps, false))
  else if (j >= last.output) src = step(last, edgeRate(ps, true))
  else {
    const p = ps.find((x) => x.dOutput > 0 && j >= x.a.output && j < x.a.output + x.dOutput)!
    src = step(p.a, p)
  }
  return Math.max(0, src)
}

/**
 * An FFmpeg expression in N (the source frame index) giving the first output frame that shows
 * that frame, clamped at 0. One flat sum of disjoint ranges: no deep nesting for 32 counts.
 */
export function outputFrameExpr(anchors: FrameAnchor[]): string {
  const ps = pieces(anchors)
  const first = anchors[0], last = anchors[anchors.length - 1]
  // min{ j : map(j) >= N } within a piece; ceil(x − ε) so an exact integer quotient stays put.
  const inv = (a: FrameAnchor, r: { dSource: number; dOutput: number }) =>
    `(${a.output}+ceil((N-${a.source})*${r.dOutput}/${r.dSource}-${EPS}))`
  const terms: string[] = [`lt(N,${first.source})*${inv(first, edgeRate(ps, false))}`]
  for (const p of ps) {
    if (p.dSource <= 0) continue // no source frame falls in this piece
    const range = `between(N,${p.a.source},${p.a.source + p.dSource - 1})`
    // A piece spanning no output frame: its frames share one timestamp and only the last shows.
    terms.push(`${range}*${p.dOutput > 0 ? inv(p.a, p) : `${p.a.output}`}`)
  }
  terms.push(`gte(N,${last.source})*${inv(last, edgeRate(ps, true))}`)
  return `max(0,${terms.join('+')})`
}
