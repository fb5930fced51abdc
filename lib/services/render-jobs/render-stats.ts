import type { RenderBlueprintResult } from '@/lib/engines/media/render-blueprint'

/**
 * What a finished render reused and what it had to make, kept on the task row
 * (`ChoreographyTask.renderStats`, `render` in the API) and in the queue job's output: a
 * regenerated move should show one segment missed and every other one hit.
 */
export interface RenderStats {
  /** This blueprint's video was in storage already (an earlier attempt or an identical
   * blueprint made it): nothing was rendered, and every count below is 0. */
  outputReused: boolean
  segments: number
  segmentHits: number
  segmentMisses: number
  audioHit: boolean
  /** Clips and song served by the worker's source cache / downloaded from storage. */
  sourceHits: number
  sourceMisses: number
  /** Wall time of the render and upload. */
  seconds: number
}

export function renderStatsOf(result: RenderBlueprintResult, seconds: number): RenderStats {
  return { outputReused: false, segments: result.segments, ...result.cache, seconds }
}

export const OUTPUT_REUSED: RenderStats = {
  outputReused: true, segments: 0, segmentHits: 0, segmentMisses: 0, audioHit: false, sourceHits: 0, sourceMisses: 0, seconds: 0,
}
