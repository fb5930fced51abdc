import { sameState } from '@/lib/engines/dance/vocabulary'
import type { JudgeContext } from './judge-types'

export interface TransitionScore {
  total: number
  legal: number
  /** Share of consecutive moves where the first's exit state (hold, lead's weight, facing) is the second's entry state, per the library. */
  share: number
  /** Moves whose entry/exit in the blueprint differ from their annotation (the UI would show a state the clip does not dance). */
  misreported: number
  /** Per move: entered in the state the previous move left (the first always is). */
  perMoveLegal: boolean[]
}

/**
 * Legality from the library's annotations, not from the states the blueprint copied: a hold
 * between two moves keeps the pose, so the state must still carry across it.
 */
export function scoreTransitions(ctx: JudgeContext): TransitionScore {
  const { moves, annotations } = ctx
  const perMoveLegal = moves.map((_, i) => {
    if (i === 0) return !!annotations[0]
    const a = annotations[i - 1]
    const b = annotations[i]
    return !!a && !!b && sameState(a.exit, b.entry)
  })
  const legal = perMoveLegal.slice(1).filter(Boolean).length
  const misreported = moves.filter((m, i) => {
    const a = annotations[i]
    return !a || !sameState(a.entry, m.entry) || !sameState(a.exit, m.exit)
  }).length
  const total = Math.max(0, moves.length - 1)
  return { total, legal, share: total ? legal / total : 1, misreported, perMoveLegal }
}
