import { AppError } from '@/lib/shared/errors'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { sameState } from '@/lib/engines/dance/vocabulary'
import { BlueprintSchema, type Blueprint, type BlueprintMove } from './blueprint-schema'
import { buildContext, parseInputs, type ChoreographyParamsInput } from './build-context'
import { History } from './history'
import { buildSlots } from './build-slots'
import { baseScore, scoreMove } from './score-move'
import { placeMove } from './assemble-blueprint'
import { hashUnit } from './prng'
import type { EngineMove } from './engine-types'
import type { LibraryMove } from './library-move'
import type { RetrievalInput } from './request-fit'

export interface RegenerateInput {
  analysis: SongAnalysis
  /** Defaults to the blueprint's own params. */
  params?: ChoreographyParamsInput
  library: LibraryMove[]
  /** The same search scores the choreography was built with (see request-fit.ts). */
  retrieval?: RetrievalInput | null
  seed: number
}

/** Candidates within this much of the best are equally good: the seed picks among them. */
const NEAR_BEST = 1.5

/**
 * Replaces exactly one move with a different one of the same length that is still legal
 * with its neighbours (entry = previous exit, exit = next entry, no immediate repeat); all
 * other moves are kept as they are. Deterministic for a seed; another seed gives another pick.
 * A hold (a tag, a short bar, a pause) is the music's, not a move: it cannot be replaced.
 */
export function regenerateMove(blueprint: Blueprint, index: number, input: RegenerateInput): Blueprint {
  const bp = BlueprintSchema.safeParse(blueprint)
  if (!bp.success) throw AppError.validation('The stored blueprint is invalid: build a new one')
  const old = bp.data
  if (!Number.isInteger(index) || index < 0 || index >= old.moves.length) throw AppError.notFound(`Move ${index}`)
  const target = old.moves[index]
  if (target.kind === 'hold') {
    throw AppError.validation(`Position ${index + 1} is a hold of ${target.counts} counts where the music leaves the 8-count, not a move: there is nothing to replace there`)
  }
  const { analysis, params, seed, retrieval } = parseInputs(input.analysis, input.params ?? old.params, input.seed, input.retrieval)
  // Plan over the same span the blueprint was built for, so warm-up/peak/cool-down agree.
  const grid = buildSlots(analysis).slots
  const first = Math.max(0, grid.findIndex((s) => s.start >= old.start - 1e-3))
  const span = grid.slice(first).filter((s) => s.end <= old.end + 1e-3).length
  const { ctx } = buildContext(analysis, params, input.library, seed, { first, slotCount: Math.max(1, span) }, retrieval)
  const slotOf = (t: number) => ctx.slots.findIndex((s) => Math.abs(s.start - t) < 1e-3)
  const slotIdx = old.moves.map((m) => (m.kind === 'move' ? slotOf(m.songStart) : 0))
  if (slotIdx.some((j) => j < 0)) {
    throw AppError.conflict('The blueprint no longer matches the song analysis: generate a new choreography')
  }
  const byId = new Map(ctx.moves.map((m) => [m.move.id, m]))
  // Neighbours are the nearest moves: a hold between keeps their states, so legality is the same.
  const isMove = (m: Blueprint['moves'][number] | undefined): m is BlueprintMove => m?.kind === 'move'
  const prev = old.moves.slice(0, index).findLast(isMove)
  const next = old.moves.slice(index + 1).find(isMove)

  // The rest of the choreography, as the history the replacement is scored against.
  const history = History.empty(ctx)
  old.moves.forEach((m, i) => {
    const em = m.kind === 'move' ? byId.get(m.moveId) : undefined
    if (i !== index && em) history.apply({ m: em, slot: slotIdx[i] })
  })
  const prevEm = prev ? byId.get(prev.moveId) : undefined
  history.prevIdx = prevEm ? prevEm.idx : -1
  history.prevFamilyIdx = prevEm ? prevEm.familyIdx : -1

  const j = slotIdx[index]
  const fits = (m: EngineMove) =>
    m.move.counts === target.counts &&
    m.move.id !== target.moveId && m.move.id !== prev?.moveId && m.move.id !== next?.moveId &&
    (!prev || sameState(prev.exit, m.move.entry)) &&
    (!next || sameState(m.move.exit, next.entry))
  const rank = () => ctx.moves
    .filter((m) => fits(m) && baseScore(ctx, m, j) > -Infinity)
    .map((m) => ({ m, score: scoreMove(ctx, m, j, history) }))
    .filter((c) => c.score > -Infinity)
    .sort((a, b) => b.score - a.score || a.m.idx - b.m.idx)
  let ranked = rank()
  if (ranked.length === 0) {
    ctx.strictTempo = false // a clip off tempo beats no alternative at all
    ranked = rank()
  }
  if (ranked.length === 0) {
    throw AppError.validation(`No other ${target.counts}-count move fits between the neighbouring moves at position ${index + 1}`)
  }
  const near = ranked.filter((c) => c.score >= ranked[0].score - NEAR_BEST).slice(0, 4)
  const chosen = near[Math.floor(hashUnit(seed, 31, index) * near.length)].m
  const moves = old.moves.map((m, i) => (i === index ? placeMove(ctx, chosen, j, history, i) : m))
  const checked = BlueprintSchema.safeParse({ ...old, moves })
  if (!checked.success) throw new Error(`regenerateMove produced an invalid blueprint: ${checked.error.message}`)
  return checked.data
}
