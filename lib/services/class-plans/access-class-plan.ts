import { getDb, type Role } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'

/** Who may use class plans at all; a dancer gets a 403 from every endpoint. */
export const CLASS_PLAN_ROLES: Role[] = ['INSTRUCTOR', 'ADMIN']

/**
 * A plan the caller may read: their own, or any plan for an ADMIN. Another instructor's plan
 * is the same 404 as a missing one, so nobody learns which ids exist.
 */
export async function readableClassPlan(user: SessionUser, id: string) {
  const plan = await getDb().classPlan.findFirst({ where: user.role === 'ADMIN' ? { id } : { id, instructorId: user.id } })
  if (!plan) throw AppError.notFound('Class plan')
  return plan
}

/** A plan the caller may change: only its instructor. An ADMIN reading someone else's plan
 * gets a 403 on writes (they can see it exists), everyone else the 404. */
export async function ownClassPlan(user: SessionUser, id: string) {
  const plan = await readableClassPlan(user, id)
  if (plan.instructorId !== user.id) throw AppError.forbidden('Only the plan\'s instructor can change it')
  return plan
}
