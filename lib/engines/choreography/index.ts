/** The choreography engine's public surface: the blueprint contract and the builder (its judge is lib/engines/judge). */
export { BLUEPRINT_VERSION, BlueprintSchema, BlueprintMoveSchema, BlueprintHoldSchema, ClipKeySchema, movesOf } from './blueprint-schema'
export type { Blueprint, BlueprintEntry, BlueprintHold, BlueprintMove } from './blueprint-schema'
export type { LibraryMove } from './library-move'
export { LibraryMoveSchema, isPoseMove } from './library-move'
export { buildBlueprint, type BuildBlueprintInput } from './build-blueprint'
export { regenerateMove, type RegenerateInput } from './regenerate-move'
export { RetrievalInputSchema, type RetrievalInput, type RetrievalScore } from './request-fit'
