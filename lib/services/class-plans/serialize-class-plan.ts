import { BlueprintSchema } from '@/lib/engines/choreography'
import { getDb, type Prisma } from '@/lib/shared/db'
import { loadPublicInstructorProfile } from '@/lib/services/users/instructor-profile'
import { liveShareLinkWhere } from './shared-with-instructor'

export const classPlanItemInclude = {
  task: { select: { id: true, ownerId: true, requestText: true, status: true, song: { select: { title: true } }, blueprint: { select: { data: true } } } },
  move: { select: { id: true, name: true, family: true, difficulty: true, counts: true } },
} satisfies Prisma.ClassPlanItemInclude

type ItemRow = Prisma.ClassPlanItemGetPayload<{ include: typeof classPlanItemInclude }>
type PlanRow = { id: string; instructorId: string; title: string; description: string; level: string | null; scheduledFor: Date | null; shared: boolean; createdAt: Date; updatedAt: Date }

/** One step of a choreography as a class reads it: the move's (or hold's) name and its counts. */
export interface PlanStep { kind: 'move' | 'hold'; name: string; family: string | null; counts: number }

/** The blueprint's entries in song order; an unreadable blueprint reads as no steps. */
function stepsOf(data: unknown): PlanStep[] {
  const parsed = BlueprintSchema.safeParse(data)
  if (!parsed.success) return []
  return parsed.data.moves.map((m) => ({ kind: m.kind, name: m.name, family: m.kind === 'move' ? m.family : null, counts: m.counts }))
}

/** Of other people's choreographies in a plan, those still shared (shared-with-instructor.ts):
 * once every link is revoked or expired, the plan keeps the item but no longer shows its moves. */
async function liveSharedTaskIds(taskIds: string[]): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set()
  const links = await getDb().shareLink.findMany({
    where: { taskId: { in: taskIds }, ...liveShareLinkWhere() },
    select: { taskId: true },
  })
  return new Set(links.map((l) => l.taskId))
}

function serializeItem(i: ItemRow, instructorId: string, live: Set<string>) {
  const base = { id: i.id, position: i.position, notes: i.notes, durationMinutes: i.durationMinutes }
  if (i.move) return { ...base, kind: 'move' as const, move: i.move, choreography: null }
  if (i.task) {
    const own = i.task.ownerId === instructorId
    if (!own && !live.has(i.task.id)) return { ...base, kind: 'unavailable' as const, move: null, choreography: null }
    const steps = stepsOf(i.task.blueprint?.data)
    return {
      ...base, kind: 'choreography' as const, move: null,
      choreography: {
        id: i.task.id, own, songTitle: i.task.song.title, request: i.task.requestText, status: i.task.status,
        totalCounts: steps.reduce((n, s) => n + s.counts, 0), steps,
      },
    }
  }
  // The choreography or move was deleted; the item keeps its notes.
  return { ...base, kind: 'removed' as const, move: null, choreography: null }
}

export type ClassPlanItemView = ReturnType<typeof serializeItem>

export function serializePlanSummary(p: PlanRow, itemCount: number) {
  return {
    id: p.id, title: p.title, description: p.description, level: p.level, scheduledFor: p.scheduledFor,
    shared: p.shared, itemCount, createdAt: p.createdAt, updatedAt: p.updatedAt,
  }
}

/** The whole plan: its items in order with each choreography's steps, and its instructor's public profile. */
export async function loadClassPlanView(plan: PlanRow) {
  const rows = await getDb().classPlanItem.findMany({
    where: { planId: plan.id }, orderBy: [{ position: 'asc' }, { id: 'asc' }], include: classPlanItemInclude,
  })
  const others = rows.flatMap((r) => (r.task && r.task.ownerId !== plan.instructorId ? [r.task.id] : []))
  const [live, instructor] = await Promise.all([liveSharedTaskIds(others), loadPublicInstructorProfile(plan.instructorId)])
  const items = rows.map((r) => serializeItem(r, plan.instructorId, live))
  return {
    ...serializePlanSummary(plan, items.length),
    totalMinutes: items.reduce((n, i) => n + (i.durationMinutes ?? 0), 0),
    items,
    instructor,
  }
}

export type ClassPlanView = Awaited<ReturnType<typeof loadClassPlanView>>
