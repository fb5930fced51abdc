import { AnalysisAdjustmentSchema } from '@/lib/engines/audio/adjust-analysis'
import { handler } from '@/lib/shared/http/handler'
import { adjustSongAnalysis } from '@/lib/services/songs/manage-song'
import { IdParamsSchema } from '@/lib/shared/validation/songs'

/** Instructor override: { kind: 'tempo', factor: 2 | 0.5 } | { kind: 'shift', beats: ±1 } |
 * { kind: 'relabel', sectionIndex, label }. */
export const PATCH = handler(
  { roles: ['INSTRUCTOR', 'ADMIN', 'USER'], params: IdParamsSchema, body: AnalysisAdjustmentSchema },
  async ({ user, params, body }) => ({ song: await adjustSongAnalysis(user, params.id, body) }),
)
