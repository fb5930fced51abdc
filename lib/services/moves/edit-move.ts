import { z } from 'zod'
import { getDb } from '@/lib/shared/db'
import { MoveAnnotationBaseSchema, MoveAnnotationSchema } from '@/lib/engines/dance/move-annotation'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { toLibraryMove } from '@/lib/services/moves/load-library'
import { getEditableMoveOrThrow } from './move-access'
import { syncMoveInIndex } from './move-search'
import { serializeMove } from './serialize-move'

/** Annotation fields an edit may change (not the id, not the clip), and `enabled`: true
 * brings a disabled move back (DELETE is the way to disable, as it always was). */
export const MovePatchSchema = MoveAnnotationBaseSchema.omit({ id: true }).partial()
  .extend({ enabled: z.literal(true).optional() })
  .strict()

export async function editMove(user: SessionUser, id: string, patch: unknown) {
  const db = getDb()
  const row = await getEditableMoveOrThrow(user, id)
  const { enabled: enable, ...changes } = MovePatchSchema.parse(patch)
  const { clipKey: _c, durationSeconds: _d, enabled: wasEnabled, ...current } = toLibraryMove(row)
  const enabled = enable ?? wasEnabled ?? true
  // Validate the whole annotation after the change: contradictions across fields count.
  const next = MoveAnnotationSchema.parse({ ...current, ...changes })
  const updated = await db.move.update({ where: { id }, data: { ...next, id: undefined, enabled } })
  await syncMoveInIndex({ ...next, enabled })
  return serializeMove(updated, user)
}

/** Soft delete: never chosen or found again, but blueprints that use it still render. */
export async function disableMove(user: SessionUser, id: string) {
  await getEditableMoveOrThrow(user, id)
  const row = await getDb().move.update({ where: { id }, data: { enabled: false } })
  await syncMoveInIndex({ ...toLibraryMove(row), enabled: false })
  return { disabled: true, id }
}
