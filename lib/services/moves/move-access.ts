import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import type { Move } from '@/lib/generated/prisma/client'

/** Instructors and admins curate the library, so they also see disabled moves. */
export const isCurator = (u: SessionUser) => u.role === 'INSTRUCTOR' || u.role === 'ADMIN'

/**
 * Who may change a move (edit, disable, enable, re-embed): an admin any; an instructor those
 * they added. Moves nobody added (the demo library, moves whose author was deleted) are the
 * admins' alone, so no instructor can rewrite the shared catalogue.
 */
export const canEditMove = (u: SessionUser, m: Pick<Move, 'createdById'>) =>
  u.role === 'ADMIN' || (u.role === 'INSTRUCTOR' && m.createdById !== null && m.createdById === u.id)

/** A move the caller may change: 404 when there is none, 403 JSON when it is another's. */
export async function getEditableMoveOrThrow(user: SessionUser, id: string): Promise<Move> {
  const m = await getDb().move.findUnique({ where: { id } })
  if (!m) throw AppError.notFound('Move')
  if (!canEditMove(user, m)) throw AppError.forbidden('Only the instructor who added this move, or an admin, may change it')
  return m
}

/** A move the caller may see; a disabled one is, for anyone but a curator, the 404 of a missing one. */
export async function getVisibleMoveOrThrow(user: SessionUser, id: string): Promise<Move> {
  const m = await getDb().move.findUnique({ where: { id } })
  if (!m || (!m.enabled && !isCurator(user))) throw AppError.notFound('Move')
  return m
}
