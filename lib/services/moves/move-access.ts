import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import type { Move } from '@/lib/generated/prisma/client'

/** Instructors and admins curate the library, so they also see disabled moves. */
export const isCurator = (u: SessionUser) => u.role === 'INSTRUCTOR' || u.role === 'ADMIN'

/** A move the caller may see; a disabled one is, for anyone but a curator, the 404 of a missing one. */
export async function getVisibleMoveOrThrow(user: SessionUser, id: string): Promise<Move> {
  const m = await getDb().move.findUnique({ where: { id } })
  if (!m || (!m.enabled && !isCurator(user))) throw AppError.notFound('Move')
  return m
}
