/** The class plan as the API and the pages hand it to components (JSON: dates are strings). */
export interface PlanStep { kind: 'move' | 'hold'; name: string; family: string | null; counts: number }

export interface PlanItem {
  id: string
  kind: 'choreography' | 'move' | 'unavailable' | 'removed'
  notes: string
  durationMinutes: number | null
  choreography: { id: string; own: boolean; songTitle: string; request: string; status: string; totalCounts: number; steps: PlanStep[] } | null
  move: { id: string; name: string; family: string; difficulty: string; counts: number } | null
}

export interface PlanInstructor { name: string; school: string; bio: string; links: { label: string; url: string }[] }

export interface Plan {
  id: string
  title: string
  description: string
  level: string | null
  scheduledFor: string | null
  shared: boolean
  totalMinutes: number
  items: PlanItem[]
  instructor: PlanInstructor | null
}

export interface PlanSource { id: string; request: string; status: string; songTitle: string; own: boolean }
export interface PlanMoveSource { id: string; name: string; family: string; difficulty: string; counts: number }

/** What a list or heading calls an item. */
export function itemTitle(item: PlanItem): string {
  if (item.choreography) return `${item.choreography.songTitle}: ${item.choreography.request || 'choreography'}`
  if (item.move) return `Move: ${item.move.name}`
  return item.kind === 'unavailable' ? 'A shared choreography that is no longer shared' : 'A deleted choreography or move'
}

export const formatSchedule = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : null
