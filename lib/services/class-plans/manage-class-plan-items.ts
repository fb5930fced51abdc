import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { resolveShareToken } from '@/lib/services/choreographies/share-links'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import type { AddClassPlanItemInput, UpdateClassPlanItemInput } from '@/lib/shared/validation/class-plans'
import { ownClassPlan } from './access-class-plan'
import { sharedWithInstructorWhere } from './shared-with-instructor'
import { loadClassPlanView } from './serialize-class-plan'

const MAX_ITEMS = 100

/** What the new item points at, checked: an own choreography, one shared by a live link, or an enabled move. */
async function resolveTarget(user: SessionUser, input: AddClassPlanItemInput): Promise<{ taskId?: string; moveId?: string }> {
  const db = getDb()
  if (input.taskId) {
    // Someone else's choreography only when already shared with the caller (see
    // shared-with-instructor.ts); a new one comes in by its share link (shareToken).
    const task = await db.choreographyTask.findFirst({
      where: { id: input.taskId, OR: [{ ownerId: user.id }, sharedWithInstructorWhere(user.id)] },
      select: { id: true },
    })
    if (!task) throw AppError.notFound('Choreography')
    return { taskId: task.id }
  }
  if (input.shareToken) return { taskId: (await resolveShareToken(input.shareToken)).id }
  const move = await db.move.findFirst({ where: { id: input.moveId, enabled: true }, select: { id: true } })
  if (!move) throw AppError.notFound('Move')
  return { moveId: move.id }
}

/** Adds an item at the end of the plan. The same choreography may appear twice (a recap). */
export async function addClassPlanItem(user: SessionUser, planId: string, input: AddClassPlanItemInput) {
  await ownClassPlan(user, planId)
  const target = await resolveTarget(user, input)
  const item = await getDb().$transaction(async (tx) => {
    // Serialises adds to one plan, so two at once cannot take the same position.
    await tx.$executeRaw`SELECT 1 FROM "ClassPlan" WHERE id = ${planId} FOR UPDATE`
    const count = await tx.classPlanItem.count({ where: { planId } })
    if (count >= MAX_ITEMS) throw AppError.conflict(`At most ${MAX_ITEMS} items in a class plan`)
    const last = await tx.classPlanItem.aggregate({ where: { planId }, _max: { position: true } })
    const created = await tx.classPlanItem.create({
      data: { planId, ...target, notes: input.notes, durationMinutes: input.durationMinutes, position: (last._max.position ?? -1) + 1 },
    })
    await tx.classPlan.update({ where: { id: planId }, data: { updatedAt: new Date() } })
    return created
  })
  const view = await loadClassPlanView(await ownClassPlan(user, planId))
  return { item: view.items.find((i) => i.id === item.id)!, plan: view }
}

export async function updateClassPlanItem(user: SessionUser, planId: string, itemId: string, input: UpdateClassPlanItemInput) {
  await ownClassPlan(user, planId)
  const { count } = await getDb().classPlanItem.updateMany({ where: { id: itemId, planId }, data: input })
  if (count === 0) throw AppError.notFound('Class plan item')
  return { plan: await loadClassPlanView(await touch(planId)) }
}

export async function removeClassPlanItem(user: SessionUser, planId: string, itemId: string) {
  await ownClassPlan(user, planId)
  const { count } = await getDb().classPlanItem.deleteMany({ where: { id: itemId, planId } })
  if (count === 0) throw AppError.notFound('Class plan item')
  return { plan: await loadClassPlanView(await touch(planId)) }
}

/** A new order: the request names every item of the plan exactly once, or nothing changes. */
export async function reorderClassPlan(user: SessionUser, planId: string, itemIds: string[]) {
  await ownClassPlan(user, planId)
  const db = getDb()
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "ClassPlan" WHERE id = ${planId} FOR UPDATE`
    const current = await tx.classPlanItem.findMany({ where: { planId }, select: { id: true } })
    const known = new Set(current.map((i) => i.id))
    if (itemIds.length !== known.size || new Set(itemIds).size !== itemIds.length || !itemIds.every((i) => known.has(i))) {
      throw AppError.validation('List every item of the plan exactly once', { itemIds: ['must be a permutation of the plan\'s items'] })
    }
    // One statement for the whole order, not one round trip per item.
    await tx.$executeRaw`UPDATE "ClassPlanItem" AS i SET position = o.ord - 1
      FROM unnest(${itemIds}::text[]) WITH ORDINALITY AS o(id, ord) WHERE i.id = o.id AND i."planId" = ${planId}`
  })
  return { plan: await loadClassPlanView(await touch(planId)) }
}

const touch = (planId: string) => getDb().classPlan.update({ where: { id: planId }, data: { updatedAt: new Date() } })
