import type { JudgeContext } from './judge-types'

/** Above this share of distinct moves, repetition reads as structure (a repeated chorus), not as a lack of ideas. */
export const ENOUGH_UNIQUE_SHARE = 0.6

export interface VarietyScore {
  /** The same move twice in a row (holds between them do not count as a break). */
  immediateRepeats: number
  /** 1 − immediate repeats / consecutive pairs. */
  repeatScore: number
  unique: number
  uniqueShare: number
  families: number
  maxUsesOfOneMove: number
  /** Distinct moves / total, full marks from ENOUGH_UNIQUE_SHARE up. */
  score: number
}

export function scoreVariety(ctx: JudgeContext): VarietyScore {
  const ids = ctx.moves.map((m) => m.moveId)
  const uses = new Map<string, number>()
  for (const id of ids) uses.set(id, (uses.get(id) ?? 0) + 1)
  const immediateRepeats = ids.slice(1).filter((id, i) => id === ids[i]).length
  const pairs = Math.max(1, ids.length - 1)
  const uniqueShare = uses.size / ids.length
  return {
    immediateRepeats,
    repeatScore: 1 - immediateRepeats / pairs,
    unique: uses.size,
    uniqueShare,
    families: new Set(ctx.moves.map((m) => m.family)).size,
    maxUsesOfOneMove: Math.max(...uses.values()),
    score: Math.min(1, uniqueShare / ENOUGH_UNIQUE_SHARE),
  }
}
