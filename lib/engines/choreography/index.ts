/** The choreography engine's public surface: the blueprint contract, the builder, the scorer. */
export { BLUEPRINT_VERSION, BlueprintSchema, BlueprintMoveSchema, BlueprintHoldSchema, ClipKeySchema, movesOf } from './blueprint-schema'
export type { Blueprint, BlueprintEntry, BlueprintHold, BlueprintMove } from './blueprint-schema'
export type { LibraryMove } from './library-move'
export { LibraryMoveSchema, isPoseMove } from './library-move'
export { buildBlueprint, type BuildBlueprintInput } from './build-blueprint'
export { regenerateMove, type RegenerateInput } from './regenerate-move'
export { scoreBlueprint, type BlueprintScore } from './score-blueprint'
export { RetrievalInputSchema, type RetrievalInput, type RetrievalScore } from './request-fit'
