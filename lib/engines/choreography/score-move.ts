import { TEMPO_TOLERANCE, type EngineContext, type EngineMove, type HistoryView } from './engine-types'
import { hashUnit } from './prng'

/** Named contributions to one placement's score; summed they give its total. */
export interface MoveScoreParts {
  tempo: number
  energy: number
  difficulty: number
  request: number
  structure: number
  variety: number
  taste: number
  connector: number
  /** Rate the clip plays at, and the events that shaped the choice (for the explanation). */
  rate: number
  flags: string[]
}

export function emptyParts(): MoveScoreParts {
  return { tempo: 0, energy: 0, difficulty: 0, request: 0, structure: 0, variety: 0, taste: 0, connector: 0, rate: 1, flags: [] }
}

/** Playback rate of move m placed at slot j: song tempo over its counts ÷ clip tempo. */
export function rateAt(ctx: EngineContext, m: EngineMove, j: number): number {
  const end = ctx.slots[j + m.n - 1].end
  return (480 * m.n) / (end - ctx.slots[j].start) / m.move.nativeBpm
}

/**
 * The part of a placement's score that depends only on where it lands (cached by the
 * search): tempo, energy, difficulty, the song's structure, and the seed's taste.
 * Musical fit is scaled by the slots covered, so a 32-count figure and four 8-counts
 * compete fairly; events (intro, break…) are not. -Infinity when not allowed.
 */
export function baseScore(ctx: EngineContext, m: EngineMove, j: number, parts?: MoveScoreParts): number {
  const { plan, slots, slotCount } = ctx
  const n = m.n
  if (j + n > slotCount) return -Infinity
  // A move runs on through whole 8-counts only: a hold (tag, short bar, pause) cuts the phrase.
  for (let k = j + 1; k < j + n; k++) if (!slots[k].followsSlot) return -Infinity
  const rate = rateAt(ctx, m, j)
  const dev = Math.abs(rate - 1)
  if (ctx.strictTempo && dev > TEMPO_TOLERANCE + 1e-9) return -Infinity
  // Inside the tolerance prefer close tempi; outside (fallback only) it costs a lot.
  // Outside costs more than any overuse penalty, so an in-tempo clip wins wherever it is legal.
  const tempo = dev <= TEMPO_TOLERANCE ? -0.8 * n * (dev / TEMPO_TOLERANCE) ** 2 : -n * (6 + 20 * (dev - TEMPO_TOLERANCE))
  let eTarget = 0
  let dTarget = 0
  let crossings = 0
  let coversBreak = false
  for (let k = j; k < j + n; k++) {
    eTarget += plan.energyTarget[k]
    dTarget += plan.difficultyTarget[k]
    if (k > j && plan.sectionStart[k]) crossings++
    if (slots[k].isBreak) coversBreak = true
  }
  eTarget /= n
  dTarget /= n
  const label = slots[j].section
  let energy = -1.6 * n * Math.abs(eTarget - m.energy)
  const peak = (label === 'mambo' || label === 'chorus') && m.energy === 1
  if (peak) energy += 0.3 * n
  const difficulty = -0.6 * n * Math.abs(m.diff - dTarget)
  let structure = -0.7 * crossings
  const last = j + n === slotCount
  if (m.isIntro) structure += j === 0 ? 1.5 : -2.5
  if (m.isOutro) structure += last ? 1.5 : -2.5
  if (coversBreak) {
    if (m.isPose) structure += 3
    else if (ctx.poseAvailable) structure -= 3
  } else if (m.isPose && m.family !== 'dip') {
    structure -= 1 // a freeze away from a break looks like a mistake
  }
  const taste = 0.4 * m.taste + 0.3 * hashUnit(ctx.seed, m.idx, j)
  if (parts) {
    Object.assign(parts, { tempo, energy, difficulty, structure, taste, rate })
    if (m.isIntro && j === 0) parts.flags.push('intro')
    if (m.isOutro && last) parts.flags.push('outro')
    if (coversBreak && m.isPose) parts.flags.push('break')
    if (peak) parts.flags.push('peak')
    if (crossings > 0) parts.flags.push('crosses-section')
  }
  return tempo + energy + difficulty + structure + taste
}

/** The part that depends on the choreography so far: request quotas, repeats, variety. */
export function historyScore(
  ctx: EngineContext,
  m: EngineMove,
  j: number,
  h: HistoryView,
  parts?: MoveScoreParts,
): number {
  if (m.idx === h.prevIdx) return -Infinity
  const connector = m.isConnector
  const used = h.usage(m.idx)
  let request = 0
  if (!connector) {
    request = m.n * (m.styleFit + m.moodFit + m.queryFit)
    const famUsed = h.familyUsage(m.familyIdx)
    if (m.includedFamily) { request += famUsed === 0 ? 0.9 : 0.2; parts?.flags.push('included') }
    // Asked for by name: worth a detour (a connector, a less ideal spot) to include once.
    if (m.namedInRequest && used === 0) { request += 6; parts?.flags.push('named') }
    const e = m.emphasis
    if (e?.direction === 'more') {
      request += e.count === null ? 0.8 : famUsed < e.count ? 1.2 : -0.4
      parts?.flags.push('more')
    } else if (e?.direction === 'fewer') {
      request += e.count === null ? -2 : famUsed >= e.count ? -3 : 0
    }
  }
  let structure = 0
  let repeatSame = false
  const echo = ctx.plan.repeatSlot[j]
  if (echo >= 0) {
    const then = h.startedAt(echo)
    if (then >= 0 && ctx.plan.repeatSame[j]) {
      if (then === m.idx) { structure = 1.2; repeatSame = true; parts?.flags.push('repeat') }
    } else if (then >= 0 && then !== m.idx && ctx.moves[then].familyIdx === m.familyIdx) {
      structure = 0.7
      parts?.flags.push('variation')
    }
  }
  // Echoing a repeated section is the one good reason to use a move again.
  // Capped: past a point, using a move again beats any off-tempo or illegal alternative.
  let variety = repeatSame ? 0 : -Math.min(4, 0.6 * used ** 1.3)
  if (m.familyIdx === h.prevFamilyIdx) variety -= 0.3
  const connectorCost = connector ? -0.4 : 0
  if (parts) {
    parts.request = request
    parts.structure += structure
    parts.variety = variety
    parts.connector = connectorCost
  }
  return request + structure + variety + connectorCost
}

/** Full score of a placement (what the search maximises), optionally with its parts. */
export function scoreMove(
  ctx: EngineContext,
  m: EngineMove,
  j: number,
  h: HistoryView,
  parts?: MoveScoreParts,
): number {
  const base = baseScore(ctx, m, j, parts)
  if (base === -Infinity) return base
  return base + historyScore(ctx, m, j, h, parts)
}
