import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { api, expectErrorShape, registerAndSignIn } from './http'

const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
const storage = new LocalStorage(process.env.DATA_DIR ?? '')

type Session = Awaited<ReturnType<typeof registerAndSignIn>>
interface Song { id: string; title: string }

let owner: Session
let stranger: Session
let s1: Song
let s2: Song
const ids: Record<'a' | 'b' | 'c' | 'theirs', string> = { a: '', b: '', c: '', theirs: '' }
const REQUESTS = [
  'Romantic beginner routine, 20 seconds', 'energetic footwork, 20 seconds', 'smooth shadow position, 20 seconds',
  'romantic stranger routine, 20 seconds',
]

async function create(token: string, songId: string, request: string, seed?: number) {
  const made = await api('POST', '/api/choreographies', { token, json: { songId, request, ...(seed === undefined ? {} : { seed }) } })
  expect(made.status, JSON.stringify(made.body)).toBe(202)
  return made.body.id as string
}

const list = async (query: string, token = owner.accessToken) => {
  const res = await api('GET', `/api/choreographies${query}`, { token })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body as { items: Array<{ id: string; songTitle: string; request: string; status: string }>; total: number }
}
const idsOf = async (query: string, token?: string) => (await list(query, token)).items.map((t) => t.id)

beforeAll(async () => {
  await db.connect()
  owner = await registerAndSignIn('history-owner')
  stranger = await registerAndSignIn('history-stranger')
  // Two demo songs (public, installed in the test database), in the order the database sorts
  // titles, whose titles are plain ASCII (so case folding does not depend on the database's
  // locale) and match no request below and not each other.
  const songs = (await api('GET', '/api/songs?pageSize=100&sort=title&order=asc', { token: owner.accessToken })).body.items as Song[]
  const plain = songs.filter((s) => /^[A-Za-z ]+$/.test(s.title) && !REQUESTS.some((r) => r.toLowerCase().includes(s.title.toLowerCase())))
  const unrelated = (x: Song, y: Song) => !x.title.toLowerCase().includes(y.title.toLowerCase()) && !y.title.toLowerCase().includes(x.title.toLowerCase())
  s1 = plain[0]
  s2 = plain.find((s) => unrelated(s, s1))!
  expect(s2).toBeDefined()
  // Made one after another, so created a < b < c.
  ids.a = await create(owner.accessToken, s1.id, REQUESTS[0])
  ids.b = await create(owner.accessToken, s2.id, REQUESTS[1])
  ids.c = await create(owner.accessToken, s1.id, REQUESTS[2])
  ids.theirs = await create(stranger.accessToken, s1.id, REQUESTS[3])
  expect((await api('POST', `/api/choreographies/${ids.b}/cancel`, { token: owner.accessToken })).status).toBe(200)
}, 120_000)
afterAll(() => db.end())

describe('GET /api/choreographies: the history list', () => {
  it('is the owner\'s only, newest first, each item with its song title', async () => {
    const res = await list('')
    expect(res.items.map((t) => t.id)).toEqual([ids.c, ids.b, ids.a])
    expect(res.total).toBe(3)
    expect(res.items.map((t) => t.songTitle)).toEqual([s1.title, s2.title, s1.title])
    expect(res.items[1]).toMatchObject({ status: 'CANCELLED', request: REQUESTS[1] })
    expect(await idsOf('', stranger.accessToken)).toEqual([ids.theirs])
  })

  it('sorts newest, oldest, or by song title (newest first within a song)', async () => {
    expect(await idsOf('?sort=newest')).toEqual([ids.c, ids.b, ids.a])
    expect(await idsOf('?sort=oldest')).toEqual([ids.a, ids.b, ids.c])
    expect(await idsOf('?sort=song')).toEqual([ids.c, ids.a, ids.b]) // s1 sorts before s2
    expect(await idsOf('?sort=oldest&pageSize=2&page=2')).toEqual([ids.c])
  })

  it('searches the request text and the song title, ignoring case; % and _ are plain characters', async () => {
    expect(await idsOf('?q=ROMANTIC')).toEqual([ids.a])
    expect(await idsOf(`?q=${encodeURIComponent(s2.title.toUpperCase())}`)).toEqual([ids.b])
    expect(await idsOf(`?q=${encodeURIComponent(s1.title.toLowerCase())}&sort=oldest`)).toEqual([ids.a, ids.c])
    expect(await idsOf('?q=%25')).toEqual([])
    expect(await idsOf('?q=_')).toEqual([])
    expect(await idsOf('?q=%20%20')).toEqual([ids.c, ids.b, ids.a]) // a blank box is no search
    expect(await idsOf('?q=nothing-like-this')).toEqual([])
    // Another user's matching task never shows up.
    expect(await idsOf('?q=stranger')).toEqual([])
    expect(await idsOf('?q=romantic', stranger.accessToken)).toEqual([ids.theirs])
  })

  it('filters by status and by song, together with search and sort', async () => {
    expect(await idsOf('?status=CANCELLED')).toEqual([ids.b])
    expect(await idsOf(`?status=QUEUED&songId=${s1.id}`)).toEqual([ids.c, ids.a])
    expect(await idsOf(`?songId=${s2.id}`)).toEqual([ids.b])
    expect(await idsOf(`?songId=${s1.id}&q=shadow`)).toEqual([ids.c])
    expect(await idsOf('?status=SUCCEEDED')).toEqual([])
    expect(await idsOf(`?songId=${s1.id}`, stranger.accessToken)).toEqual([ids.theirs])
  })

  it('refuses a bad sort, status or search with a JSON validation error naming the field', async () => {
    const bad = await api('GET', '/api/choreographies?sort=password', { token: owner.accessToken })
    expectErrorShape(bad, 422, 'validation_failed')
    expect(Object.keys(bad.body.error.fields)).toEqual(['sort'])
    expectErrorShape(await api('GET', '/api/choreographies?status=DONE', { token: owner.accessToken }), 422)
    expectErrorShape(await api('GET', `/api/choreographies?q=${'x'.repeat(101)}`, { token: owner.accessToken }), 422)
    expectErrorShape(await api('GET', '/api/choreographies'), 401)
  })
})

describe('DELETE /api/choreographies/:id', () => {
  it('is the 404 of a missing one for anyone but the owner, and leaves it in place', async () => {
    expectErrorShape(await api('DELETE', `/api/choreographies/${ids.c}`, { token: stranger.accessToken }), 404)
    expectErrorShape(await api('DELETE', `/api/choreographies/${ids.c}`), 401)
    expect((await api('GET', `/api/choreographies/${ids.c}`, { token: owner.accessToken })).status).toBe(200)
    expect(await idsOf('')).toContain(ids.c)
  })

  it('deletes the owner\'s choreography: then it is a 404 and gone from the list', async () => {
    const res = await api('DELETE', `/api/choreographies/${ids.a}`, { token: owner.accessToken })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ deleted: true })
    expectErrorShape(await api('GET', `/api/choreographies/${ids.a}`, { token: owner.accessToken }), 404)
    expectErrorShape(await api('DELETE', `/api/choreographies/${ids.a}`, { token: owner.accessToken }), 404)
    expect(await idsOf('')).toEqual([ids.c, ids.b])
    expect(await idsOf('', stranger.accessToken)).toEqual([ids.theirs])
  })

  it('takes its share links, favourite and collection entries with it, and its video only when no other task uses it', async () => {
    const token = owner.accessToken
    // Same song, request and seed: the same blueprint, so both tasks share one video and poster.
    const first = await create(token, s2.id, 'easy turns, 20 seconds', 4242)
    const second = await create(token, s2.id, 'easy turns, 20 seconds', 4242)
    const hashes = (await db.query('SELECT hash FROM "Blueprint" WHERE "taskId" = ANY($1)', [[first, second]])).rows.map((r) => r.hash)
    expect(hashes).toHaveLength(2)
    expect(hashes[0]).toBe(hashes[1])
    const keys = { outputKey: `outputs/${hashes[0]}.mp4`, posterKey: `posters/${hashes[0]}.jpg` }
    await storage.put(keys.outputKey, randomBytes(20_000))
    await storage.put(keys.posterKey, randomBytes(2_000))
    await db.query(
      `UPDATE "ChoreographyTask" SET status = 'SUCCEEDED', stage = 'done', progress = 100, "outputKey" = $2, "posterKey" = $3 WHERE id = ANY($1)`,
      [[first, second], keys.outputKey, keys.posterKey],
    )
    expect((await api('POST', `/api/choreographies/${first}/share`, { token, json: {} })).status).toBe(201)
    expect((await api('PUT', `/api/choreographies/${first}/favorite`, { token })).status).toBe(200)
    const coll = (await api('POST', '/api/collections', { token, json: { name: 'History test' } })).body.collection.id
    for (const taskId of [first, second]) {
      expect((await api('POST', `/api/collections/${coll}/items`, { token, json: { taskId } })).status).toBe(201)
    }
    const rows = async (table: string, column: string, id: string) =>
      Number((await db.query(`SELECT count(*) FROM "${table}" WHERE "${column}" = $1`, [id])).rows[0].count)

    expect((await api('DELETE', `/api/choreographies/${first}`, { token })).status).toBe(200)
    for (const [table, column] of [['ShareLink', 'taskId'], ['Favorite', 'taskId'], ['CollectionItem', 'taskId'], ['Blueprint', 'taskId']]) {
      expect(await rows(table, column, first), table).toBe(0)
    }
    const kept = (await api('GET', `/api/collections/${coll}`, { token })).body.collection
    expect(kept.items.map((i: { choreography: { id: string } }) => i.choreography.id)).toEqual([second])
    expect(await rows('Song', 'id', s2.id)).toBe(1)
    // The other task still plays the shared video.
    expect(await storage.head(keys.outputKey)).not.toBeNull()
    const video = await api('GET', `/api/choreographies/${second}/video`, { token, headers: { range: 'bytes=0-9' } })
    expect(video.status).toBe(206)

    expect((await api('DELETE', `/api/choreographies/${second}`, { token })).status).toBe(200)
    expect(await storage.head(keys.outputKey)).toBeNull()
    expect(await storage.head(keys.posterKey)).toBeNull()
    expect((await api('GET', `/api/collections/${coll}`, { token })).body.collection.items).toEqual([])
  })
})
