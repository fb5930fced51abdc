export type RenderStage = 'preparing' | 'segments' | 'joining' | 'muxing' | 'poster'

export interface RenderProgress {
  stage: RenderStage
  /** 0–100 over the whole render, never decreasing. */
  progress: number
}

/** Where each stage sits on the 0–100 bar: segments dominate a cold render. */
const STAGE_SPAN: Record<RenderStage, [number, number]> = {
  preparing: [0, 10],
  segments: [10, 85],
  joining: [85, 88],
  muxing: [88, 96],
  poster: [96, 100],
}

/**
 * Turns (stage, fraction of the stage) into the caller's monotonic 0–100 progress. The
 * callback is awaited, so a slow status write slows the render instead of piling up; a
 * value that would go backwards is raised to the last one reported.
 */
export function createProgressReporter(onProgress?: (p: RenderProgress) => void | Promise<void>) {
  let last = 0
  return async (stage: RenderStage, fraction: number): Promise<void> => {
    if (!onProgress) return
    const [lo, hi] = STAGE_SPAN[stage]
    const value = Math.round((lo + (hi - lo) * Math.min(1, Math.max(0, fraction))) * 10) / 10
    last = Math.max(last, value)
    await onProgress({ stage, progress: last })
  }
}
