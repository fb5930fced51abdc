import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { MoveAnnotationBaseSchema, MoveAnnotationSchema } from '@/lib/engines/dance/move-annotation'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { toLibraryMove } from '@/lib/services/moves/load-library'
import { syncMoveInIndex } from './move-search'
import { serializeMove } from './serialize-move'

/** Annotation fields an edit may change (not the id, not the clip). */
export const MovePatchSchema = MoveAnnotationBaseSchema.omit({ id: true }).partial().strict()

export async function editMove(_user: SessionUser, id: string, patch: unknown) {
  const db = getDb()
  const row = await db.move.findUnique({ where: { id } })
  if (!row) throw AppError.notFound('Move')
  const changes = MovePatchSchema.parse(patch)
  const { clipKey: _c, durationSeconds: _d, enabled, ...current } = toLibraryMove(row)
  // Validate the whole annotation after the change: contradictions across fields count.
  const next = MoveAnnotationSchema.parse({ ...current, ...changes })
  const updated = await db.move.update({ where: { id }, data: { ...next, id: undefined } })
  await syncMoveInIndex({ ...next, enabled: enabled ?? true })
  return serializeMove(updated)
}

/** Soft delete: never chosen or found again, but blueprints that use it still render. */
export async function disableMove(_user: SessionUser, id: string) {
  const row = await getDb().move.update({ where: { id }, data: { enabled: false } })
  await syncMoveInIndex({ ...toLibraryMove(row), enabled: false })
  return { disabled: true, id }
}
