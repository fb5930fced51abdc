import { z } from 'zod'
import { AppError } from '@/lib/shared/errors'
import { adjustAnalysis, AnalysisAdjustmentSchema, type AnalysisAdjustment } from './adjust-analysis'
import type { SongAnalysis } from './analysis-schema'

/**
 * A song's corrections are data, kept in the order they were made and applied on top of
 * every fresh analysis (after a re-analysis by a newer algorithm too), so what an instructor
 * fixed stays fixed and every choreography made later is built on it. A correction that no
 * longer fits the new analysis (a section that is gone) is skipped and said so in the
 * warnings, not a failed read.
 */
export const MAX_CORRECTIONS = 50
export const AnalysisCorrectionsSchema = z.array(AnalysisAdjustmentSchema).max(MAX_CORRECTIONS)

/** PATCH /api/songs/:id/analysis: one more correction, or { reset: true } to drop them all. */
export const AnalysisPatchSchema = z.union([AnalysisAdjustmentSchema, z.object({ reset: z.literal(true) }).strict()])
export type AnalysisPatch = z.infer<typeof AnalysisPatchSchema>

export function applyCorrections(base: SongAnalysis, corrections: readonly AnalysisAdjustment[]): SongAnalysis {
  let analysis = base
  const skipped: string[] = []
  corrections.forEach((c, i) => {
    try {
      analysis = adjustAnalysis(analysis, c)
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e
      skipped.push(`Correction ${i + 1} (${c.kind}) no longer fits this analysis and was skipped: ${e.message}`.slice(0, 300))
    }
  })
  return skipped.length ? { ...analysis, warnings: [...analysis.warnings, ...skipped].slice(0, 20) } : analysis
}
