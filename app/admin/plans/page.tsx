import Link from 'next/link'
import { CreateAndOpenForm } from '@/components/ui/create-and-open-form'
import { formatSchedule } from '@/components/admin/plans/plan-types'
import { listClassPlans } from '@/lib/services/class-plans/manage-class-plans'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'

export const metadata = { title: 'Class plans' }

export default async function AdminPlansPage() {
  const user = await requirePageRole(STAFF_ROLES, '/admin/plans')
  const plans = await listClassPlans(user)
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Class plans</h1>
      <p className="text-stone-700">Build a class from your choreographies (or ones shared with you), then print it or export it.</p>
      <CreateAndOpenForm formLabel="New class plan" fieldLabel="New plan title" field="title" maxLength={120} endpoint="/api/class-plans" resultKey="plan" openAt="/admin/plans/" buttonLabel="Create plan" />
      {plans.items.length === 0 ? (
        <p className="text-stone-600">No class plans yet.</p>
      ) : (
        <ul aria-label="Your class plans" className="grid gap-2 sm:grid-cols-2">
          {plans.items.map((p) => (
            <li key={p.id}>
              <Link href={`/admin/plans/${p.id}`} className="block h-full rounded-lg border border-stone-200 bg-white p-3 hover:border-brand-600 focus-visible:border-brand-600">
                <span className="break-words font-medium">{p.title}</span>
                <span className="block text-sm text-stone-600">
                  {[`${p.itemCount} item${p.itemCount === 1 ? '' : 's'}`, p.level, formatSchedule(p.scheduledFor?.toISOString() ?? null), p.shared && 'shared']
                    .filter(Boolean).join(' · ')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
