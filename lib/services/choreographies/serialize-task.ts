import type { Blueprint as BlueprintRow, ChoreographyTask } from '@/lib/generated/prisma/client'

/** A new render gets a new URL (?v= its object's name), so no browser or player cache can show the old video. */
const versioned = (path: string, key: string) => `${path}?v=${encodeURIComponent(key.replace(/^.*\//, '').replace(/\.\w+$/, ''))}`

/** The columns a poller's status needs (the light read selects only these). */
export type TaskStatusRow = Pick<ChoreographyTask, 'id' | 'status' | 'stage' | 'progress' | 'error' | 'updatedAt' | 'finishedAt' | 'outputKey' | 'posterKey'>

/** Where a task stands, and its media once rendered. */
export function serializeTaskStatus(task: TaskStatusRow) {
  return {
    id: task.id,
    status: task.status,
    stage: task.stage,
    progress: task.progress,
    error: task.error,
    updatedAt: task.updatedAt,
    finishedAt: task.finishedAt,
    // The video is served through /api/choreographies/:id/video once the render worker has made it.
    videoUrl: task.status === 'SUCCEEDED' && task.outputKey ? versioned(`/api/choreographies/${task.id}/video`, task.outputKey) : null,
    posterUrl: task.status === 'SUCCEEDED' && task.posterKey ? versioned(`/api/choreographies/${task.id}/poster`, task.posterKey) : null,
  }
}

export function serializeTask(task: ChoreographyTask & { blueprint?: BlueprintRow | null }, opts: { withBlueprint?: boolean } = {}) {
  return {
    ...serializeTaskStatus(task),
    songId: task.songId,
    request: task.requestText,
    params: task.params,
    seed: task.seed,
    createdAt: task.createdAt,
    downloadUrl: task.status === 'SUCCEEDED' && task.outputKey ? `/api/choreographies/${task.id}/video?download=1` : null,
    // What the render reused (lib/services/render-jobs/render-stats.ts); a re-queued task's is stale until it succeeds.
    render: task.status === 'SUCCEEDED' ? (task.renderStats ?? null) : null,
    ...(opts.withBlueprint ? { blueprint: task.blueprint?.data ?? null, blueprintVersion: task.blueprint?.version ?? null } : {}),
  }
}
