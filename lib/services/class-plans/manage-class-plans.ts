import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import type { CreateClassPlanInput, UpdateClassPlanInput } from '@/lib/shared/validation/class-plans'
import { ownClassPlan, readableClassPlan } from './access-class-plan'
import { loadClassPlanView, serializePlanSummary } from './serialize-class-plan'

/** Bounded so a loop cannot grow one account without end. */
export const MAX_CLASS_PLANS = 300

/** The caller's own plans, the soonest-scheduled first, then the most recently changed. */
export async function listClassPlans(user: SessionUser) {
  const rows = await getDb().classPlan.findMany({
    where: { instructorId: user.id },
    orderBy: [{ scheduledFor: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'desc' }, { id: 'asc' }],
    take: MAX_CLASS_PLANS,
    include: { _count: { select: { items: true } } },
  })
  return { items: rows.map((p) => serializePlanSummary(p, p._count.items)) }
}

async function assertRoomForPlan(userId: string) {
  if ((await getDb().classPlan.count({ where: { instructorId: userId } })) >= MAX_CLASS_PLANS) {
    throw AppError.conflict(`At most ${MAX_CLASS_PLANS} class plans: delete an old one first`)
  }
}

export async function createClassPlan(user: SessionUser, input: CreateClassPlanInput) {
  await assertRoomForPlan(user.id)
  const plan = await getDb().classPlan.create({ data: { instructorId: user.id, ...input } })
  return { plan: await loadClassPlanView(plan) }
}

/** The plan, and whether the caller may change it (an ADMIN reads other instructors' plans). */
export async function getClassPlan(user: SessionUser, id: string) {
  const plan = await readableClassPlan(user, id)
  return { plan: await loadClassPlanView(plan), editable: plan.instructorId === user.id }
}

export async function updateClassPlan(user: SessionUser, id: string, input: UpdateClassPlanInput) {
  await ownClassPlan(user, id)
  const plan = await getDb().classPlan.update({ where: { id }, data: input })
  return { plan: await loadClassPlanView(plan) }
}

export async function deleteClassPlan(user: SessionUser, id: string) {
  await ownClassPlan(user, id)
  await getDb().classPlan.delete({ where: { id } })
  return { ok: true }
}

/** A private copy with every item (notes, timings, order); the title says it is a copy. */
export async function duplicateClassPlan(user: SessionUser, id: string) {
  const source = await ownClassPlan(user, id)
  await assertRoomForPlan(user.id)
  const db = getDb()
  const items = await db.classPlanItem.findMany({ where: { planId: id }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })
  const copy = await db.classPlan.create({
    data: {
      instructorId: user.id,
      title: `${source.title} (copy)`.slice(0, 120),
      description: source.description, level: source.level, scheduledFor: source.scheduledFor, shared: false,
      items: {
        create: items.map((i, position) => ({ position, moveId: i.moveId, taskId: i.taskId, notes: i.notes, durationMinutes: i.durationMinutes })),
      },
    },
  })
  return { plan: await loadClassPlanView(copy) }
}
