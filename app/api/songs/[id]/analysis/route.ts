import { AnalysisPatchSchema } from '@/lib/engines/audio/apply-corrections'
import { handler } from '@/lib/shared/http/handler'
import { adjustSongAnalysis, getSongAnalysis } from '@/lib/services/songs/manage-song'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** { songId, analysisStatus: analysing | ready | failed, analysisError, analysis? }: polled after an upload. */
export const GET = handler({ params: IdParamsSchema }, async ({ user, params }) => getSongAnalysis(user, params.id))

/** Instructor corrections, kept with the song and re-applied after every re-analysis:
 * { kind: 'tempo', factor: 2 | 0.5 } | { kind: 'shift', beats: ±1 } | { kind: 'relabel', sectionIndex, label } |
 * { kind: 'count-one-from', time } | { kind: 'break', start, end } | { reset: true } (back to the automatic analysis). */
export const PATCH = handler(
  { roles: ['INSTRUCTOR', 'ADMIN', 'USER'], params: IdParamsSchema, body: AnalysisPatchSchema },
  async ({ user, params, body }) => ({ song: await adjustSongAnalysis(user, params.id, body) }),
)

/** Drops every correction: the same as PATCH { reset: true }. */
export const DELETE = handler(
  { roles: ['INSTRUCTOR', 'ADMIN', 'USER'], params: IdParamsSchema },
  async ({ user, params }) => ({ song: await adjustSongAnalysis(user, params.id, { reset: true }) }),
)

export const { POST, PUT, OPTIONS } = otherMethods(['GET', 'PATCH', 'DELETE'])
