import { randomInt } from 'node:crypto'
import type { z } from 'zod'
import { SongAnalysisSchema } from '@/lib/engines/audio'
import { BLUEPRINT_VERSION, buildBlueprint } from '@/lib/engines/choreography'
import { getDb, Prisma } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { enqueueRender } from '@/lib/services/render-jobs/enqueue-render'
import { parseRequest } from '@/lib/engines/request'
import { refreshSongAnalysis } from '@/lib/services/songs/refresh-song-analysis'
import { assertSongReady } from '@/lib/services/songs/song-readiness'
import { getVisibleSongOrThrow } from '@/lib/services/songs/song-access'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import type { CreateChoreographySchema } from '@/lib/shared/validation/choreographies'
import { hashBlueprint } from './hash-blueprint'
import { retrieveLibrary } from '@/lib/services/moves/retrieve-library'
import { serializeTask } from './serialize-task'
import { getWordMeanings } from './load-word-meanings'
import { assertRenderSlot, lockUserQuota, QUOTA_TRANSACTION } from '@/lib/services/quotas/user-quotas'

type Input = z.infer<typeof CreateChoreographySchema>

/**
 * Song + request → a QUEUED task with its blueprint, written in one transaction (a task
 * never exists without its blueprint). The same Idempotency-Key returns the same task, also
 * when two requests race. Then the render job is queued and the worker woken.
 */
export async function createChoreography(user: SessionUser, input: Input, idempotencyKey: string | null) {
  const db = getDb()
  // Hashed as parsed (defaults applied, keys sorted): the same request in other words or key
  // order is the same request; a different one under the same key is a client bug.
  const requestHash = hashBlueprint(input)
  const replay = (existing: { requestHash: string | null }) => {
    if (existing.requestHash && existing.requestHash !== requestHash) {
      throw AppError.validation('This Idempotency-Key was already used for a different request', { 'Idempotency-Key': ['was used with another body'] })
    }
  }
  if (idempotencyKey) {
    const existing = await db.choreographyTask.findUnique({ where: { ownerId_idempotencyKey: { ownerId: user.id, idempotencyKey } } })
    if (existing) {
      replay(existing)
      return { task: serializeTask(existing), created: false }
    }
  }
  // A full account is refused before the work; the count that holds is the one under the lock.
  // A request whose Idempotency-Key has a task already is a replay, never a new render.
  const keyUsed = async (client: Prisma.TransactionClient) =>
    idempotencyKey !== null && (await client.choreographyTask.count({ where: { ownerId: user.id, idempotencyKey } })) > 0
  if (!(await keyUsed(db))) await assertRenderSlot(db, user)
  const song = await refreshSongAnalysis(await getVisibleSongOrThrow(user, input.songId))
  assertSongReady(song)
  const analysis = SongAnalysisSchema.parse(song.analysis)
  const parsed = input.request ? await parseRequest(input.request, { wordMeanings: await getWordMeanings() }) : ChoreographyParamsSchema.parse({})
  const params = ChoreographyParamsSchema.parse({
    ...parsed,
    ...input.params,
    parser: input.request ? parsed.parser : 'explicit',
  })
  const seed = input.seed ?? randomInt(0, 2 ** 31 - 1)
  // The request runs through the move search once; the engine chooses among what it found.
  const { library, retrieval } = await retrieveLibrary(params, { songBpm: analysis.bpm })
  const blueprint = buildBlueprint({
    analysis, params, seed, library, retrieval,
    song: { id: song.id, storageKey: song.storageKey }, overlays: input.overlays,
  })
  try {
    const task = await db.$transaction(async (tx) => {
      await lockUserQuota(tx, user.id)
      if (!(await keyUsed(tx))) await assertRenderSlot(tx, user)
      return tx.choreographyTask.create({
        data: {
          ownerId: user.id, songId: song.id, requestText: input.request ?? '', params, seed,
          status: 'QUEUED', stage: 'queued', progress: 0, idempotencyKey, requestHash: idempotencyKey ? requestHash : null,
          blueprint: { create: { version: BLUEPRINT_VERSION, data: blueprint, hash: hashBlueprint(blueprint) } },
        },
        include: { blueprint: true },
      })
    }, QUOTA_TRANSACTION)
    await enqueueRender(task.id)
    return { task: serializeTask(task, { withBlueprint: true }), created: true }
  } catch (e) {
    if (idempotencyKey && e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      const winner = await db.choreographyTask.findUniqueOrThrow({ where: { ownerId_idempotencyKey: { ownerId: user.id, idempotencyKey } } })
      replay(winner)
      return { task: serializeTask(winner), created: false }
    }
    throw e
  }
}
