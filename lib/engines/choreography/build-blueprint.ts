import { AppError } from '@/lib/shared/errors'
import { BlueprintSchema, movesOf, type Blueprint } from './blueprint-schema'
import { buildContext, parseInputs, type ChoreographyParamsInput } from './build-context'
import { searchSequence, BEAM_WIDTH } from './search-sequence'
import { assembleBlueprint } from './assemble-blueprint'
import { matchesName } from './prepare-library'
import { TEMPO_TOLERANCE } from './engine-types'
import { isPoseMove, type LibraryMove } from './library-move'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { RetrievalInput } from './request-fit'

export interface BuildBlueprintInput {
  analysis: SongAnalysis
  params: ChoreographyParamsInput
  /** The moves to choose from: the whole library, or the candidates retrieval found in it. */
  library: LibraryMove[]
  /** The move search's scores for this request (see request-fit.ts); without them no move is
   * preferred for the request's text. */
  retrieval?: RetrievalInput | null
  /** Same seed, same inputs → the same blueprint. */
  seed: number
  song: { id: string; storageKey: string }
  overlays?: { counts?: boolean; moveNames?: boolean }
}

/**
 * Song analysis + request + move library → blueprint. Pure and deterministic for a seed.
 * Tries the strict search first (only clips within ±12 % of the song tempo), then a wider
 * beam, and only then lets out-of-tempo clips in, with a warning, because a slightly
 * rushed clip is better than no choreography. Throws a 422 when even that cannot fill
 * the song legally.
 */
export function buildBlueprint(input: BuildBlueprintInput): Blueprint {
  const { analysis, params, seed, retrieval } = parseInputs(input.analysis, input.params, input.seed, input.retrieval)
  const { ctx, warnings } = buildContext(analysis, params, input.library, seed, undefined, retrieval)
  let placements = searchSequence(ctx) ?? searchSequence(ctx, BEAM_WIDTH * 4)
  if (!placements) {
    ctx.strictTempo = false
    placements = searchSequence(ctx)
  }
  if (!placements) {
    throw AppError.validation(
      'The move library cannot fill this song with legal transitions: add basics (connectors) for every hold, or 8-count moves, or loosen the request',
    )
  }
  const blueprint = assembleBlueprint({
    ctx,
    placements,
    analysis,
    params,
    song: input.song,
    seed,
    overlays: { counts: input.overlays?.counts ?? true, moveNames: input.overlays?.moveNames ?? true },
    warnings,
  })
  const moves = movesOf(blueprint)
  for (const m of moves) {
    const onBreak = ctx.slots.some((s) => s.isBreak && s.start >= m.songStart - 1e-9 && s.end <= m.songEnd + 1e-9)
    if (onBreak && !isPoseMove({ ...m, tags: [] }) && ctx.poseAvailable) {
      blueprint.warnings.push(`The break at ${m.songStart.toFixed(1)} s gets no pose: no allowed pose, freeze or dip fits there at this tempo`)
    }
  }
  for (const name of params.includeMoves) {
    if (ctx.moves.some((m) => matchesName(m.move, name)) && !moves.some((m) => matchesName({ id: m.moveId, name: m.name }, name))) {
      blueprint.warnings.push(`"${name}" could not be placed: no spot where its tempo and hold fit`)
    }
  }
  for (const f of params.includeFamilies) {
    if (ctx.moves.some((m) => m.family === f) && !moves.some((m) => m.family === f)) {
      blueprint.warnings.push(`No ${f} move could be placed: none fits the song's tempo and holds`)
    }
  }
  const offTempo = moves.filter((m) => Math.abs(m.playbackRate - 1) > TEMPO_TOLERANCE + 1e-9).length
  if (offTempo > 0) {
    blueprint.warnings.push(`${offTempo} clip(s) play more than ±12 % off their tempo: the library has no closer clip for this song`)
    blueprint.warnings = blueprint.warnings.slice(0, 20)
  }
  // The schema is the worker's contract: a blueprint that fails it is our bug, not the user's.
  const checked = BlueprintSchema.safeParse(blueprint)
  if (!checked.success) throw new Error(`buildBlueprint produced an invalid blueprint: ${checked.error.message}`)
  return checked.data
}
