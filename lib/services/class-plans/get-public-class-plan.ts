import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { loadClassPlanView } from './serialize-class-plan'

/** A shared plan for anyone, with its instructor's public profile; unshared or missing is one 404.
 * A plan whose author is no longer an instructor is not shown either. */
export async function getPublicClassPlan(id: string) {
  const plan = await getDb().classPlan.findFirst({ where: { id, shared: true } })
  if (!plan) throw AppError.notFound('Class plan')
  const view = await loadClassPlanView(plan)
  if (!view.instructor) throw AppError.notFound('Class plan')
  return view
}
