import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getChoreographyStatus } from '@/lib/services/choreographies/manage-choreography'
import { serializeTaskStatus } from '@/lib/services/choreographies/serialize-task'
import { listMoves } from '@/lib/services/moves/list-moves'
import { WATERMARK_SQL } from '@/lib/services/moves/move-search'
import { readEnabledMoves } from '@/lib/services/moves/read-enabled-moves'
import { MoveListQuerySchema } from '@/lib/shared/validation/moves'
import { loadSessionUser, type SessionUser } from '@/lib/shared/auth/load-session-user'
import { disconnectDb, getDb } from '@/lib/shared/db'
import { registerAndSignIn } from './http'

// The hot reads that skip Prisma (lib/shared/prepared-query.ts) must give what Prisma gives for
// the same rows. Prisma is the ground truth here. Run in a zone other than UTC, where reading
// the DateTime columns as local time would be off by hours.
process.env.TZ = 'America/New_York'

const MARK = `prepared-${Date.now()}`
const STATE = { hold: 'closed', leadWeight: 'left', facing: 'face-to-face' }
let owner: SessionUser
let other: SessionUser
const families: string[] = []
let taskId: string

async function sessionOf(userId: string, data: { expiresAt?: Date; revokedAt?: Date } = {}): Promise<SessionUser> {
  const family = await getDb().refreshTokenFamily.create({ data: { userId, expiresAt: data.expiresAt ?? new Date(Date.now() + 3_600_000), revokedAt: data.revokedAt } })
  families.push(family.id)
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, role: true } })
  return { ...user, familyId: family.id }
}

beforeAll(async () => {
  const [a, b] = await Promise.all([registerAndSignIn(`${MARK}-a`), registerAndSignIn(`${MARK}-b`)])
  owner = await sessionOf(a.userId)
  other = await sessionOf(b.userId)
  const song = await getDb().song.findFirstOrThrow({ where: { visibility: 'PUBLIC' }, select: { id: true } })
  const task = await getDb().choreographyTask.create({
    data: {
      ownerId: owner.id, songId: song.id, params: {}, status: 'SUCCEEDED', stage: 'done', progress: 100, error: null,
      outputKey: 'renders/x/out.mp4', posterKey: 'renders/x/poster.jpg', finishedAt: new Date('2026-07-01T23:59:58.765Z'),
    },
  })
  taskId = task.id
})

afterAll(async () => {
  await getDb().choreographyTask.deleteMany({ where: { id: taskId } })
  await getDb().refreshTokenFamily.deleteMany({ where: { id: { in: families } } })
  await disconnectDb()
})

describe('reads through prepared statements', () => {
  it('move rows: the same as Prisma\'s findMany, enabled only, every column', async () => {
    const all = await getDb().move.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
    const ids = [...all.map((m) => m.id), 'no-such-move']
    const expected = await getDb().move.findMany({ where: { id: { in: ids }, enabled: true }, orderBy: { id: 'asc' } })
    const { rows, watermark } = await readEnabledMoves(ids)
    expect(expected.length).toBeGreaterThan(10)
    expect(rows.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(expected)
    expect(rows[0].updatedAt).toBeInstanceOf(Date)
    // The library's watermark comes with them, also when nothing matches.
    const [{ w }] = await getDb().$queryRawUnsafe<{ w: string }[]>(`SELECT ${WATERMARK_SQL} AS w FROM "Move"`)
    expect(watermark).toBe(w)
    expect(await readEnabledMoves([])).toEqual({ rows: [], watermark: w })
  })

  it('a search sees a move changed by another instance (the index refreshes on the watermark read with the rows)', async () => {
    // This test process is the other instance: its own move index, built from the database.
    const id = `${MARK}-probe`
    const find = async (q: string) => (await listMoves(owner, MoveListQuerySchema.parse({ q }))).items.map((m) => m.id)
    await getDb().move.create({ data: {
      id, name: 'Zorblax probe', family: 'basic', styles: [], moods: [], difficulty: 'beginner', energy: 'low', counts: 8,
      nativeBpm: 128, firstCountOffset: 0, entry: STATE, exit: STATE, clipKey: `clips/${id}.mp4`, durationSeconds: 4,
    } })
    try {
      expect(await find('zorblax')).toEqual([id])
      // Renamed "elsewhere" (updatedAt moves): the index learns it in the same search.
      await getDb().move.update({ where: { id }, data: { name: 'Quilventa probe' } })
      expect(await find('quilventa')).toEqual([id])
      expect(await find('zorblax')).toEqual([])
      // Disabled in SQL without touching updatedAt: gone at once.
      await getDb().$executeRaw`UPDATE "Move" SET enabled = false WHERE id = ${id}`
      expect(await find('quilventa')).toEqual([])
    } finally {
      await getDb().moveEmbedding.deleteMany({ where: { moveId: id } })
      await getDb().move.delete({ where: { id } })
    }
  })

  it('the status read: the same row as Prisma\'s, and only for its owner', async () => {
    const row = await getDb().choreographyTask.findUniqueOrThrow({ where: { id: taskId } })
    const { status, etag } = await getChoreographyStatus(owner, taskId)
    expect(status).toEqual(serializeTaskStatus(row))
    expect(status.finishedAt?.toISOString()).toBe('2026-07-01T23:59:58.765Z')
    expect(etag).toBe(`W/"${row.updatedAt.getTime().toString(36)}-SUCCEEDED-100"`)
    await expect(getChoreographyStatus(other, taskId)).rejects.toMatchObject({ status: 404 })
    await expect(getChoreographyStatus(owner, 'no-such-task')).rejects.toMatchObject({ status: 404 })
  })

  it('the session check: the user for a live sign-in; nothing for a revoked, expired, foreign or disabled one', async () => {
    expect(await loadSessionUser(owner.id, owner.familyId)).toEqual(owner)
    // Another user's sign-in named with this user's id.
    expect(await loadSessionUser(owner.id, other.familyId)).toBeNull()
    expect(await loadSessionUser(owner.id, 'no-such-family')).toBeNull()
    const revoked = await sessionOf(owner.id, { revokedAt: new Date() })
    expect(await loadSessionUser(owner.id, revoked.familyId)).toBeNull()
    const expired = await sessionOf(owner.id, { expiresAt: new Date(Date.now() - 1000) })
    expect(await loadSessionUser(owner.id, expired.familyId)).toBeNull()
    await getDb().user.update({ where: { id: other.id }, data: { disabled: true } })
    expect(await loadSessionUser(other.id, other.familyId)).toBeNull()
  })
})
