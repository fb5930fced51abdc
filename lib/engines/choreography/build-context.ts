import { AppError } from '@/lib/shared/errors'
import { SongAnalysisSchema, type SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { ChoreographyParamsSchema, type ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { buildSlots } from './build-slots'
import { selectSpan } from './select-span'
import { prepareLibrary } from './prepare-library'
import { planMusic } from './plan-music'
import type { EngineContext } from './engine-types'
import type { LibraryMove } from './library-move'
import { RetrievalInputSchema, type RetrievalInput } from './request-fit'
import type { z } from 'zod'

export type ChoreographyParamsInput = z.input<typeof ChoreographyParamsSchema>

function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const i of issues) (fields[i.path.join('.') || '_'] ??= []).push(i.message)
  return fields
}

/** Boundary checks shared by buildBlueprint and regenerateMove: bad input is a 422. */
export function parseInputs(analysis: unknown, params: unknown, seed: unknown, retrieval?: unknown) {
  const a = SongAnalysisSchema.safeParse(analysis)
  if (!a.success) throw AppError.validation('The song analysis is invalid', fieldErrors(a.error.issues))
  const p = ChoreographyParamsSchema.safeParse(params ?? {})
  if (!p.success) throw AppError.validation('Invalid choreography parameters', fieldErrors(p.error.issues))
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw AppError.validation('The seed must be an integer from 0 to 4294967295', { seed: ['must be a 32-bit unsigned integer'] })
  }
  const r = retrieval == null ? null : RetrievalInputSchema.safeParse(retrieval)
  if (r && !r.success) throw AppError.validation('Invalid retrieval scores', fieldErrors(r.error.issues))
  return { analysis: a.data, params: p.data, seed, retrieval: r ? r.data : null }
}

/** Everything the search and the scorer need, derived once from the inputs. */
export function buildContext(
  analysis: SongAnalysis,
  params: ChoreographyParams,
  library: LibraryMove[],
  seed: number,
  /** The slots a stored blueprint covers (regenerating one move keeps its span). */
  spanOverride?: { first: number; slotCount: number },
  retrieval: RetrievalInput | null = null,
): { ctx: EngineContext; warnings: string[] } {
  const grid = buildSlots(analysis)
  const span = spanOverride === undefined
    ? selectSpan(grid.slots, analysis, params)
    : { ...spanOverride, countIn: null, warnings: [] }
  const slots = grid.slots.slice(span.first, span.first + span.slotCount)
  const slotCount = slots.length
  const lib = prepareLibrary(library, params, slotCount, seed, retrieval)
  const plan = planMusic(slots, slotCount, analysis, params, seed, lib.maxDifficulty)
  const ctx: EngineContext = {
    slots,
    slotCount,
    // The dance starts and ends on a move: a leading or trailing hold would be dancers waiting.
    holds: grid.holds
      .filter((h) => h.beforeSlot > span.first && h.beforeSlot < span.first + slotCount)
      .map((h) => ({ ...h, beforeSlot: h.beforeSlot - span.first })),
    countIn: span.countIn,
    moves: lib.moves,
    states: lib.states,
    edgeConnectors: lib.edgeConnectors,
    nextHop: lib.nextHop,
    hopCount: lib.hopCount,
    plan,
    params,
    maxDifficulty: lib.maxDifficulty,
    seed,
    retrievalQuery: retrieval?.query ?? '',
    strictTempo: true,
    poseAvailable: lib.moves.some((m) => m.isPose),
    introAvailable: lib.moves.some((m) => m.isIntro),
    outroAvailable: lib.moves.some((m) => m.isOutro),
  }
  const warnings = [...grid.warnings, ...span.warnings, ...lib.warnings]
  if (slots.some((s) => s.isBreak) && !ctx.poseAvailable) warnings.push('No pose, freeze or dip is allowed here, so breaks are danced through')
  return { ctx, warnings }
}
