import { notFound } from 'next/navigation'
import type { Plan } from '@/components/admin/plans/plan-types'
import { getClassPlan } from '@/lib/services/class-plans/manage-class-plans'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { AppError } from '@/lib/shared/errors'

/** The plan for a page, as plain JSON; someone else's plan is the same 404 page as a missing one. */
export async function loadPagePlan(user: SessionUser, id: string): Promise<{ plan: Plan; editable: boolean }> {
  if (id.length > 64) notFound()
  const { plan, editable } = await getClassPlan(user, id).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound()
    throw e
  })
  return { plan: JSON.parse(JSON.stringify(plan)) as Plan, editable }
}
