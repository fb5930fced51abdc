import { SongAnalysisSchema } from '@/lib/engines/audio'
import { BLUEPRINT_VERSION, BlueprintSchema, movesOf, regenerateMove } from '@/lib/engines/choreography'
import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { preparedQuery, type PreparedStatement } from '@/lib/shared/prepared-query'
import { enqueueRender } from '@/lib/services/render-jobs/enqueue-render'
import { wakeWorker } from '@/lib/services/render-jobs/wake-worker'
import { refreshSongAnalysis } from '@/lib/services/songs/refresh-song-analysis'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import { hashBlueprint } from './hash-blueprint'
import { retrieveLibrary } from '@/lib/services/moves/retrieve-library'
import { moveMediaVersion } from '@/lib/services/moves/serialize-move'
import { serializeTask, serializeTaskStatus, type TaskStatusRow } from './serialize-task'
import { assertRenderSlot, lockUserQuota, QUOTA_TRANSACTION } from '@/lib/services/quotas/user-quotas'

/** Only the owner sees a task; anyone else gets 404, as if it did not exist. */
async function getOwnTaskOrThrow<B extends boolean = true>(user: SessionUser, id: string, blueprint: B = true as B) {
  const task = await getDb().choreographyTask.findFirst({ where: { id, ownerId: user.id }, include: { blueprint } })
  if (!task) throw AppError.notFound('Choreography')
  return task
}

export async function getChoreography(user: SessionUser, id: string) {
  return serializeTask(await getOwnTaskOrThrow(user, id), { withBlueprint: true })
}

/** The practice page's view: the task with its blueprint, the song it is danced to, and each
 * move's lead and follow cues and poster from the library (the blueprint keeps only ids). */
export async function getChoreographyWithSong(user: SessionUser, id: string) {
  const task = await getOwnTaskOrThrow(user, id)
  const db = getDb()
  const parsed = BlueprintSchema.safeParse(task.blueprint?.data)
  const moveIds = [...new Set(parsed.success ? movesOf(parsed.data).map((m) => m.moveId) : [])]
  const [song, moves] = await Promise.all([
    db.song.findUnique({ where: { id: task.songId }, select: { title: true, artist: true } }),
    db.move.findMany({ where: { id: { in: moveIds } }, select: { id: true, leadNotes: true, followNotes: true, posterKey: true, updatedAt: true } }),
  ])
  const cues = Object.fromEntries(moves.map((m) => [m.id, {
    lead: m.leadNotes, follow: m.followNotes, poster: m.posterKey ? `/api/moves/${m.id}/poster?v=${moveMediaVersion(m)}` : null,
  }]))
  return { task: serializeTask(task, { withBlueprint: true }), song, cues }
}

/** QUEUED or RUNNING → CANCELLED; finished tasks cannot be cancelled (state only moves forward).
 * A running render notices at its next heartbeat; the wake makes that heartbeat happen now. */
export async function cancelChoreography(user: SessionUser, id: string) {
  await getOwnTaskOrThrow(user, id)
  const now = new Date()
  const { count } = await getDb().choreographyTask.updateMany({
    where: { id, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'CANCELLED', stage: 'cancelled', finishedAt: now, leaseOwner: null, leaseExpiresAt: null },
  })
  if (count === 0) throw AppError.conflict('Only a queued or running choreography can be cancelled')
  void wakeWorker()
  return serializeTask(await getOwnTaskOrThrow(user, id))
}

/** Replace one move, keep the rest, and queue a new render of the changed blueprint. */
export async function regenerateChoreographyMove(user: SessionUser, id: string, index: number) {
  const task = await getOwnTaskOrThrow(user, id)
  if (task.status === 'RUNNING') throw AppError.conflict('Wait for the current render to finish, or cancel it, before changing a move')
  if (!task.blueprint) throw AppError.conflict('This choreography has no blueprint')
  const song = await refreshSongAnalysis(await getDb().song.findUniqueOrThrow({ where: { id: task.songId } }))
  const blueprint = BlueprintSchema.parse(task.blueprint.data)
  const analysis = SongAnalysisSchema.parse(song.analysis)
  const params = ChoreographyParamsSchema.parse(task.params)
  // The same search the choreography was built with, so the replacement is chosen by the
  // same request fit; the blueprint's own moves stay in reach as its neighbours' history.
  const { library, retrieval } = await retrieveLibrary(params, { songBpm: analysis.bpm, keep: movesOf(blueprint).map((m) => m.moveId) })
  const next = regenerateMove(blueprint, index, {
    analysis, params, library, retrieval,
    seed: task.seed + index + 1 + Math.floor(Date.now() % 997),
  })
  // Queued again: a render slot unless this task holds one already (it is then not counted).
  await getDb().$transaction(async (tx) => {
    await lockUserQuota(tx, user.id)
    await assertRenderSlot(tx, user, id)
    await tx.blueprint.update({ where: { taskId: id }, data: { data: next, version: BLUEPRINT_VERSION, hash: hashBlueprint(next) } })
    await tx.choreographyTask.update({
      where: { id },
      data: { status: 'QUEUED', stage: 'queued', progress: 0, error: null, outputKey: null, posterKey: null, finishedAt: null, attempts: 0 },
    })
  }, QUOTA_TRANSACTION)
  await enqueueRender(id)
  return serializeTask(await getOwnTaskOrThrow(user, id), { withBlueprint: true })
}

const TASK_STATUS: PreparedStatement = {
  name: 'choreography-status',
  text: `SELECT id, status, stage, progress, error, "updatedAt", "finishedAt", "outputKey", "posterKey"
    FROM "ChoreographyTask" WHERE id = $1 AND "ownerId" = $2`,
}

/**
 * What a poller needs and nothing more: the status columns alone (no blueprint, no params), and a
 * validator that changes whenever the row does, so an unchanged task answers 304 with no body.
 */
export async function getChoreographyStatus(user: SessionUser, id: string) {
  // A prepared statement on the pool, not the ORM: pollers call this every second or so, and
  // Prisma's per-query compile cost more CPU than the read (lib/shared/prepared-query.ts).
  const [task] = await preparedQuery<TaskStatusRow>(TASK_STATUS, [id, user.id])
  if (!task) throw AppError.notFound('Choreography')
  return {
    status: serializeTaskStatus(task),
    etag: `W/"${task.updatedAt.getTime().toString(36)}-${task.status}-${task.progress}"`,
  }
}
