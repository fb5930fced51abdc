import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStats, STATS_WEEKS } from '@/lib/services/admin/read-stats'
import { getDb } from '@/lib/shared/db'
import { api, expectErrorShape, registerAndSignIn, signInDemo } from './http'

// Tasks planted in 2001, a window no other test writes to, so the weekly counts are exact.
const NOW = new Date('2001-03-15T12:00:00Z') // a Thursday
const MARKER = `stats-probe-${Date.now()}`
let ownerId: string
const planted: string[] = []

beforeAll(async () => {
  ownerId = (await registerAndSignIn('stats-owner')).userId
  const db = getDb()
  const song = await db.song.findFirstOrThrow({ where: { visibility: 'PUBLIC' }, select: { id: true } })
  const plant = async (createdAt: string, status: 'SUCCEEDED' | 'CANCELLED', moveIds: string[]) => {
    const t = await db.choreographyTask.create({
      data: { ownerId, songId: song.id, params: {}, status, createdAt: new Date(createdAt),
        blueprint: { create: { version: 2, hash: `${MARKER}-${planted.length}`, data: { moves: [
          ...moveIds.map((moveId) => ({ kind: 'move', moveId })), { kind: 'hold', name: 'Pause' },
        ] } } } },
    })
    planted.push(t.id)
  }
  const many = Array.from({ length: 400 }, () => MARKER)
  await plant('2001-03-12T00:00:00Z', 'SUCCEEDED', [...many, `${MARKER}-b`]) // Monday, this week
  await plant('2001-03-14T23:59:00Z', 'CANCELLED', [...many])
  await plant('2001-03-15T08:00:00Z', 'SUCCEEDED', [`${MARKER}-b`])
  await plant('2001-02-25T23:59:59Z', 'SUCCEEDED', []) // Sunday: the week of Feb 19
}, 60_000)

afterAll(async () => {
  await getDb().choreographyTask.deleteMany({ where: { id: { in: planted } } })
})

describe('stats for the admin section', () => {
  it('counts choreographies per ISO week, every week present, rendered apart', async () => {
    const stats = await readStats(ownerId, NOW)
    const weeks = stats.choreographiesPerWeek
    expect(weeks).toHaveLength(STATS_WEEKS)
    expect(weeks.at(-1)).toEqual({ week: '2001-03-12', made: 3, rendered: 2 })
    expect(weeks.find((w) => w.week === '2001-02-19')).toEqual({ week: '2001-02-19', made: 1, rendered: 1 })
    expect(weeks.filter((w) => w.made > 0)).toHaveLength(2)
    expect(weeks[0].week).toBe('2000-12-25') // 11 weeks before, a Monday
  })

  it('ranks moves by their uses in stored blueprints, holds not counted', async () => {
    const top = (await readStats(ownerId, NOW)).mostUsedMoves
    expect(top[0]).toMatchObject({ moveId: MARKER, uses: 800, choreographies: 2, family: null })
    const b = top.find((m) => m.moveId === `${MARKER}-b`)
    // Only listed when it is in the top ten; when it is, it counts both of its blueprints.
    if (b) expect(b).toMatchObject({ uses: 2, choreographies: 2 })
  })

  it('tallies the library by family and level against the table itself', async () => {
    const stats = await readStats(ownerId, NOW)
    const db = getDb()
    const sum = (rows: { enabled: number; disabled: number }[]) => rows.reduce((s, r) => s + r.enabled + r.disabled, 0)
    // Moves may be ingested by other tests meanwhile: compare with counts read around it.
    const before = await db.move.count()
    const again = await readStats(ownerId, NOW)
    const after = await db.move.count()
    for (const s of [again.movesByFamily, again.movesByLevel]) {
      expect(sum(s)).toBeGreaterThanOrEqual(before)
      expect(sum(s)).toBeLessThanOrEqual(after)
    }
    expect(stats.movesByLevel.map((r) => r.key).slice(0, 3)).toEqual(['beginner', 'intermediate', 'advanced'])
    expect(again.movesByFamily.slice(0, 3).map((r) => r.key)).toEqual(['basic', 'cross-body-lead', 'lady-turn'])
  })

  it('GET /api/admin/stats: instructors and admins; a dancer gets 403', async () => {
    const dancer = await registerAndSignIn('stats-dancer')
    expectErrorShape(await api('GET', '/api/admin/stats', { token: dancer.accessToken }), 403, 'forbidden')
    expectErrorShape(await api('GET', '/api/admin/stats'), 401)
    for (const role of ['INSTRUCTOR', 'ADMIN'] as const) {
      const res = await api('GET', '/api/admin/stats', { token: (await signInDemo(role)).accessToken })
      expect(res.status).toBe(200)
      expect(res.body.stats.choreographiesPerWeek).toHaveLength(STATS_WEEKS)
      expect(res.body.stats.classPlans).toEqual({ total: expect.any(Number), yours: expect.any(Number) })
    }
  })
})
