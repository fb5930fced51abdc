import { notFound } from 'next/navigation'
import { ClassPlanSheet } from '@/components/admin/plans/class-plan-sheet'
import type { Plan } from '@/components/admin/plans/plan-types'
import { getPublicClassPlan } from '@/lib/services/class-plans/get-public-class-plan'
import { AppError } from '@/lib/shared/errors'

export const metadata = { title: 'Class plan', robots: { index: false } }

/** A plan its instructor shared: read-only, signed out, with the instructor's public profile. */
export default async function PublicPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  if (id.length > 64) notFound()
  const plan = await getPublicClassPlan(id).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound()
    throw e
  })
  return <ClassPlanSheet plan={JSON.parse(JSON.stringify(plan)) as Plan} />
}
