import Link from 'next/link'
import { ClassPlanSheet } from '@/components/admin/plans/class-plan-sheet'
import { PrintButton } from '@/components/admin/plans/print-button'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'
import { loadPagePlan } from '../load-page-plan'

export const metadata = { title: 'Print class plan' }

export default async function PrintPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageRole(STAFF_ROLES, `/admin/plans/${encodeURIComponent(id)}/print`)
  const { plan, editable } = await loadPagePlan(user, id)
  return (
    <div className="space-y-4">
      <div data-print-hidden className="flex flex-wrap items-center gap-2 text-sm">
        <PrintButton />
        <a href={`/api/class-plans/${plan.id}/export`} download className="rounded-md border border-stone-300 bg-white px-3 py-2 hover:bg-stone-100">Export JSON</a>
        {editable && <Link href={`/admin/plans/${plan.id}`} className="rounded-md border border-stone-300 bg-white px-3 py-2 hover:bg-stone-100">Back to the editor</Link>}
      </div>
      <ClassPlanSheet plan={plan} />
    </div>
  )
}
