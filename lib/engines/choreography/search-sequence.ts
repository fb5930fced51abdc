import { History, OverlayHistory } from './history'
import { baseScore, historyScore } from './score-move'
import type { EngineContext, EngineMove, Placement } from './engine-types'

/** Hypotheses kept per slot position. Wider finds better sequences, slower. */
export const BEAM_WIDTH = 16

interface Hypothesis {
  pos: number
  score: number
  history: History
  placements: Placement[]
  parent: Hypothesis | null
}

interface Candidate {
  parent: Hypothesis
  bridge: Placement[]
  m: EngineMove
  slot: number
  score: number
}

interface Bridge {
  placements: Placement[]
  score: number
  view: OverlayHistory
}

/**
 * Beam search over 8-count slots (a motion graph walked in musical time). Each hypothesis
 * covers slots [0, pos); a move of 1, 2 or 4 slots extends it, preceded by up to two
 * connector basics when it starts in another hold. Hypotheses meeting at a position compete
 * there, so every kept path is legal by construction. Returns null when no legal sequence
 * fills the span.
 */
export function searchSequence(ctx: EngineContext, beamWidth = BEAM_WIDTH): Placement[] | null {
  const { slotCount, moves } = ctx
  const S = ctx.states.length
  const baseCache = new Float64Array(moves.length * slotCount).fill(NaN)
  const base = (m: EngineMove, j: number) => {
    const i = m.idx * slotCount + j
    let v = baseCache[i]
    if (Number.isNaN(v)) { v = baseScore(ctx, m, j); baseCache[i] = v }
    return v
  }
  // Per target position, the best candidate per (exit hold, last move): paths that agree on
  // both continue identically, so only the best of them can matter.
  const pending: Map<number, Candidate>[] = Array.from({ length: slotCount + 1 }, () => new Map())
  const offer = (pos: number, key: number, score: number, make: () => Candidate) => {
    const bucket = pending[pos]
    const prev = bucket.get(key)
    if (!prev || prev.score < score) bucket.set(key, make())
  }

  const bridgeTo = (h: Hypothesis, target: number): Bridge | null => {
    const from = h.history.state
    const hops = ctx.hopCount[from * S + target]
    if (hops <= 0 || hops > 2) return null
    const placements: Placement[] = []
    let view = new OverlayHistory(h.history, placements)
    let cur = from
    let pos = h.pos
    let score = 0
    while (cur !== target) {
      const next = ctx.nextHop[cur * S + target]
      let best: EngineMove | null = null
      let bestScore = -Infinity
      for (const c of ctx.edgeConnectors.get(cur * S + next) ?? []) {
        const b = base(c, pos)
        if (b === -Infinity) continue
        const s = b + historyScore(ctx, c, pos, view)
        if (s > bestScore) { bestScore = s; best = c }
      }
      if (!best) return null
      placements.push({ m: best, slot: pos })
      view = new OverlayHistory(h.history, placements)
      score += bestScore
      pos += 1
      cur = next
    }
    return { placements, score, view }
  }

  const noBridge: Placement[] = []
  const expand = (h: Hypothesis) => {
    const bridges = new Map<number, Bridge | null>()
    const state = h.history.state
    for (const m of moves) {
      let pos = h.pos
      let bridge = noBridge
      let score = h.score
      let view: History | OverlayHistory = h.history
      if (state >= 0 && m.entryKey !== state) {
        let b = bridges.get(m.entryKey)
        if (b === undefined) { b = bridgeTo(h, m.entryKey); bridges.set(m.entryKey, b) }
        if (!b) continue
        bridge = b.placements
        pos += bridge.length
        score += b.score
        view = b.view
      }
      if (pos + m.n > slotCount) continue
      const bs = base(m, pos)
      if (bs === -Infinity) continue
      const hs = historyScore(ctx, m, pos, view)
      if (hs === -Infinity) continue
      const total = score + bs + hs
      const slot = pos
      offer(pos + m.n, m.exitKey * 65536 + m.idx, total, () => ({ parent: h, bridge, m, slot, score: total }))
    }
  }

  const prune = (bucket: Map<number, Candidate>, pos: number): Hypothesis[] => {
    const cands = [...bucket.values()].sort((a, b) => b.score - a.score).slice(0, beamWidth)
    return cands.map((c) => {
      const placements = [...c.bridge, { m: c.m, slot: c.slot }]
      const history = c.parent.history.clone()
      for (const p of placements) history.apply(p)
      return { pos, score: c.score, history, placements, parent: c.parent }
    })
  }

  expand({ pos: 0, score: 0, history: History.empty(ctx), placements: [], parent: null })
  for (let pos = 1; pos < slotCount; pos++) {
    const hyps = prune(pending[pos], pos)
    pending[pos].clear()
    for (const h of hyps) expand(h)
  }
  const finals = prune(pending[slotCount], slotCount)
  if (finals.length === 0) return null
  const out: Placement[] = []
  for (let h: Hypothesis | null = finals[0]; h; h = h.parent) out.unshift(...h.placements)
  return out
}
