import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import type { Blueprint, BlueprintMove } from '@/lib/engines/choreography/blueprint-schema'
import type { SongGrid } from './read-song-grid'

/** What the judge knows of a library move: its annotation, nothing the engine derived from it. */
export type JudgedAnnotation = Pick<
  MoveAnnotation,
  'id' | 'name' | 'family' | 'styles' | 'moods' | 'tags' | 'difficulty' | 'energy' | 'counts' | 'nativeBpm' | 'firstCountOffset' | 'entry' | 'exit'
>

export interface JudgeInput {
  blueprint: Blueprint
  analysis: SongAnalysis
  /** The library the blueprint was built from (annotations are the truth for states and tempi). */
  library: readonly JudgedAnnotation[]
  /** What the user asked for; defaults to the params the blueprint carries. */
  request?: ChoreographyParams
}

/** Everything a sub-score needs, read once. */
export interface JudgeContext {
  blueprint: Blueprint
  analysis: SongAnalysis
  grid: SongGrid
  moves: BlueprintMove[]
  /** The annotation of each move (undefined when the library has no such id). */
  annotations: (JudgedAnnotation | undefined)[]
  request: ChoreographyParams
}

/** One frame at the 30 fps every render uses: the tolerance a viewer cannot see. */
export const FRAME_SECONDS = 1 / 30
