import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { DIFFICULTY_RANK, ENERGY_RANK, sameState } from '@/lib/engines/dance/vocabulary'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { movesOf, type Blueprint, type BlueprintEntry, type BlueprintMove } from './blueprint-schema'
import { buildSlots } from './build-slots'
import { isPoseMove } from './library-move'
import { matchesName } from './prepare-library'
import { TEMPO_TOLERANCE } from './engine-types'
import { mean } from '@/lib/shared/numbers'

/** Everything the quality scorer measures; each component also maps to 0–1 in `overall`. */
export interface BlueprintScore {
  moves: number
  /** Holds (tags, short bars, pauses) and the share of them that match the grid's leftover counts exactly. */
  holds: { total: number; shareOnGrid: number }
  grid: { meanErrorMs: number; maxErrorMs: number; shareOnCountOne: number; shareWholeEightCounts: number }
  tempo: { shareWithinTolerance: number; meanAbsRateDelta: number; shareInSync: number }
  transitions: { total: number; legal: number; share: number }
  diversity: { unique: number; total: number; uniqueShare: number; maxRepeats: number; immediateRepeats: number }
  energy: { pearson: number | null }
  request: {
    difficulty: number | null; style: number | null; include: number | null
    excludeViolations: number; emphasis: number | null; score: number
  }
  structure: { boundaries: number; matched: number; share: number; breaks: number; breaksMarked: number }
  duration: { requestedSeconds: number | null; targetSeconds: number; coveredSeconds: number; errorSeconds: number; withinOnePhrase: boolean }
  overall: number
}

/** Weights of the components in the overall score (sum to 1). */
export const SCORE_WEIGHTS = {
  grid: 0.2, tempo: 0.15, transitions: 0.15, diversity: 0.1, energy: 0.1, request: 0.1, structure: 0.1, duration: 0.1,
}

function nearest(sorted: number[], t: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] <= t) lo = mid
    else hi = mid
  }
  return Math.abs(sorted[lo] - t) <= Math.abs(sorted[hi] - t) ? lo : hi
}

export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length
  if (n < 3) return null
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my)
    sxx += (xs[i] - mx) ** 2
    syy += (ys[i] - my) ** 2
  }
  return sxx > 1e-12 && syy > 1e-12 ? sxy / Math.sqrt(sxx * syy) : null
}

const share = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 1)

/** Song tempo around [a, b] from the analysed beats (median beat gap). */
function localBpm(beats: number[], a: number, b: number): number {
  const inside = beats.filter((t) => t >= a - 1e-6 && t <= b + 1e-6)
  const gaps = inside.slice(1).map((t, i) => t - inside[i]).sort((x, y) => x - y)
  return gaps.length ? 60 / gaps[gaps.length >> 1] : NaN
}

/** Energy of the music under a move: phrase energies weighted by overlap. */
function musicEnergy(analysis: SongAnalysis, m: BlueprintMove): number {
  let w = 0
  let e = 0
  for (const p of analysis.phrases) {
    const o = Math.min(p.end, m.songEnd) - Math.max(p.start, m.songStart)
    if (o > 0) { w += o; e += o * p.energy }
  }
  return w > 0 ? e / w : NaN
}

function requestFit(bp: Blueprint, params: ChoreographyParams): BlueprintScore['request'] {
  const moves = movesOf(bp)
  const figures = moves.filter((m) => !m.connector)
  const famCount = (f: string) => moves.filter((m) => m.family === f).length
  const difficulty = params.difficulty
    ? share(moves.map((m) => DIFFICULTY_RANK[m.difficulty] <= DIFFICULTY_RANK[params.difficulty!]))
    : null
  const style = params.style ? share(figures.map((m) => m.styles.includes(params.style!))) : null
  const wanted = [
    ...params.includeFamilies.filter((f) => !params.excludeFamilies.includes(f)).map((f) => famCount(f) > 0),
    ...params.includeMoves.map((n) => moves.some((m) => matchesName({ id: m.moveId, name: m.name }, n))),
  ]
  const include = wanted.length ? share(wanted) : null
  const excludeViolations = moves.filter((m) => params.excludeFamilies.includes(m.family)).length
  const emphasis = params.emphasis.length
    ? share(params.emphasis.map((e) => {
      const c = famCount(e.family)
      if (e.direction === 'more') return e.count !== null ? c >= e.count : c >= Math.min(3, Math.ceil(0.15 * moves.length))
      return e.count !== null ? c <= e.count : c <= Math.max(1, Math.floor(0.05 * moves.length))
    }))
    : null
  const parts = [difficulty, style, include, emphasis].filter((x): x is number => x !== null)
  parts.push(excludeViolations === 0 ? 1 : 0)
  return { difficulty, style, include, excludeViolations, emphasis, score: mean(parts) }
}

/**
 * Measures a blueprint against the song analysis and the request: the figures the tests
 * and the benchmark compare (ours vs the baseline). Works on any blueprint, including ones
 * that ignore the grid, so nothing here assumes the engine's invariants.
 */
export function scoreBlueprint(bp: Blueprint, analysis: SongAnalysis, params: ChoreographyParams = bp.params): BlueprintScore {
  const { slots, holds: gridHolds } = buildSlots(analysis)
  const starts = slots.map((s) => s.start)
  const frame = 1 / bp.output.fps
  const entries = bp.moves
  const moves = movesOf(bp)
  const holds = entries.filter((m) => m.kind === 'hold')
  // A hold is right when it covers exactly the counts the grid leaves over at that place.
  const holdsOnGrid = holds.map((h) => gridHolds.some((g) => Math.abs(g.start - h.songStart) <= frame && Math.abs(g.end - h.songEnd) <= frame && g.calls.length === h.counts))
  const gridErr = moves.map((m) => Math.abs(m.songStart - starts[nearest(starts, m.songStart)]))
  const whole = moves.map((m, i) => {
    const k = nearest(starts, m.songStart)
    const endSlot = slots[k + m.counts / 8 - 1]
    return gridErr[i] <= frame && m.counts % 8 === 0 && !!endSlot && Math.abs(m.songEnd - endSlot.end) <= frame
  })
  const rates = moves.map((m) => Math.abs(m.playbackRate - 1))
  // The tempo the dancers end up at (clip tempo × rate) against the song's, per move.
  const inSync = moves.map((m) => {
    const native = (m.counts * 60) / (m.clipOut - m.clipIn)
    const song = localBpm(analysis.beats, m.songStart, m.songEnd)
    return Number.isFinite(song) && Math.abs((native * m.playbackRate) / song - 1) <= 0.03
  })
  // Across holds too: a hold keeps the state it was entered in, so the next move must match it.
  const pairs = entries.slice(1).map((m, i) => sameState(entries[i].exit, m.entry))
  const ids = moves.map((m) => m.moveId)
  const counts = new Map<string, number>()
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
  const immediateRepeats = ids.slice(1).filter((id, i) => id === ids[i]).length
  const withEnergy = moves.map((m) => ({ music: musicEnergy(analysis, m), dance: ENERGY_RANK[m.energy] / 2 })).filter((x) => Number.isFinite(x.music))
  const r = pearson(withEnergy.map((x) => x.music), withEnergy.map((x) => x.dance))
  const boundaries = analysis.sections.map((s) => s.start).filter((t) => t > bp.start + frame && t < bp.end - frame)
  const matched = boundaries.filter((t) => entries.some((m) => Math.abs(m.songStart - t) <= frame)).length
  const breaks = (analysis.breaks ?? []).filter((b) => b.start < bp.end && b.end > bp.start)
  const breaksMarked = breaks.filter((b) => {
    let best: BlueprintEntry | undefined
    let bestOverlap = 0
    for (const m of entries) {
      const o = Math.min(b.end, m.songEnd) - Math.max(b.start, m.songStart)
      if (o > bestOverlap) { bestOverlap = o; best = m }
    }
    // A hold is a pose held through the break.
    return !!best && (best.kind === 'hold' || isPoseMove({ family: best.family, name: best.name, tags: [] }))
  }).length
  const covered = bp.end - bp.start
  const phraseLen = analysis.phrases.length ? mean(analysis.phrases.map((p) => p.end - p.start)) : slots[0].end - slots[0].start
  const requested = params.durationSeconds
  // A count-in takes the 8-count before the dance when the song has no beats before its first count one.
  const wholeSpan = slots[slots.length - 1].end - (bp.countIn ? Math.max(slots[0].start, bp.start) : slots[0].start)
  // Judged against what the song can give: asking for 3 minutes of a 2-minute song gets the song.
  const target = requested === null ? wholeSpan : Math.min(requested, wholeSpan)
  const errorSeconds = Math.abs(covered - target)

  const request = requestFit(bp, params)
  const result: Omit<BlueprintScore, 'overall'> = {
    moves: moves.length,
    holds: { total: holds.length, shareOnGrid: share(holdsOnGrid) },
    grid: {
      meanErrorMs: mean(gridErr) * 1000,
      maxErrorMs: Math.max(...gridErr) * 1000,
      shareOnCountOne: share(gridErr.map((e) => e <= frame)),
      shareWholeEightCounts: share(whole),
    },
    tempo: { shareWithinTolerance: share(rates.map((d) => d <= TEMPO_TOLERANCE + 1e-9)), meanAbsRateDelta: mean(rates), shareInSync: share(inSync) },
    transitions: { total: pairs.length, legal: pairs.filter(Boolean).length, share: share(pairs) },
    diversity: {
      unique: counts.size,
      total: moves.length,
      uniqueShare: counts.size / moves.length,
      maxRepeats: Math.max(...counts.values()),
      immediateRepeats,
    },
    energy: { pearson: r },
    request,
    structure: { boundaries: boundaries.length, matched, share: boundaries.length ? matched / boundaries.length : 1, breaks: breaks.length, breaksMarked },
    duration: { requestedSeconds: requested, targetSeconds: target, coveredSeconds: covered, errorSeconds, withinOnePhrase: errorSeconds <= phraseLen + 1e-6 },
  }
  const c = {
    grid: ((result.grid.shareOnCountOne + result.grid.shareWholeEightCounts) / 2) * result.holds.shareOnGrid,
    tempo: (result.tempo.shareWithinTolerance + result.tempo.shareInSync) / 2,
    transitions: result.transitions.share,
    diversity: Math.min(1, result.diversity.uniqueShare / 0.6) * (1 - immediateRepeats / Math.max(1, pairs.length)),
    energy: r === null ? 0.5 : (r + 1) / 2,
    request: request.score,
    structure: breaks.length ? (result.structure.share + breaksMarked / breaks.length) / 2 : result.structure.share,
    duration: result.duration.withinOnePhrase ? 1 : Math.max(0, 1 - (errorSeconds - phraseLen) / Math.max(phraseLen, target)),
  }
  const overall = Object.entries(SCORE_WEIGHTS).reduce((a, [k, w]) => a + w * c[k as keyof typeof c], 0)
  return { ...result, overall: Math.round(overall * 1000) / 1000 }
}
