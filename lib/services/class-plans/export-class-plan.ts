import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { readableClassPlan } from './access-class-plan'
import { loadClassPlanView } from './serialize-class-plan'

/** Bumped when the export's shape changes, so a reader of old files can tell. */
export const CLASS_PLAN_EXPORT_VERSION = 1

/** A file name from the title: letters, digits and dashes only, never empty. */
function exportFilename(title: string) {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60)
  return `class-plan-${slug || 'untitled'}.json`
}

/** The plan as a JSON download: the plan, its instructor, and each item's moves with counts, notes and timing. */
export async function exportClassPlan(user: SessionUser, id: string): Promise<Response> {
  const plan = await loadClassPlanView(await readableClassPlan(user, id))
  const doc = {
    version: CLASS_PLAN_EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    plan: {
      id: plan.id, title: plan.title, description: plan.description, level: plan.level,
      scheduledFor: plan.scheduledFor, shared: plan.shared, totalMinutes: plan.totalMinutes,
    },
    instructor: plan.instructor,
    items: plan.items.map((i, n) => ({
      position: n + 1,
      kind: i.kind,
      notes: i.notes,
      durationMinutes: i.durationMinutes,
      choreography: i.choreography && {
        id: i.choreography.id, songTitle: i.choreography.songTitle, request: i.choreography.request,
        totalCounts: i.choreography.totalCounts, moves: i.choreography.steps,
      },
      move: i.move,
    })),
  }
  return new Response(JSON.stringify(doc, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${exportFilename(plan.title)}"`,
      'cache-control': 'private, no-store',
    },
  })
}
