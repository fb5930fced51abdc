import { redirect } from 'next/navigation'
import { ClassPlanEditor } from '@/components/admin/plans/class-plan-editor'
import { listPlanSources } from '@/lib/services/class-plans/list-plan-sources'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'
import { loadPagePlan } from './load-page-plan'

export const metadata = { title: 'Class plan' }

export default async function AdminPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageRole(STAFF_ROLES, `/admin/plans/${encodeURIComponent(id)}`)
  const { plan, editable } = await loadPagePlan(user, id)
  // An administrator looking at another instructor's plan reads it; only its author edits it.
  if (!editable) redirect(`/admin/plans/${plan.id}/print`)
  const sources = await listPlanSources(user)
  return <ClassPlanEditor initial={plan} sources={sources.items} moves={sources.moves} />
}
