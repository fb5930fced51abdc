import { randomUUID } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { disconnectDb } from '@/lib/shared/db'
import { listManagedSongs } from '@/lib/services/songs/list-managed-songs'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { ManagedSongListQuerySchema } from '@/lib/shared/validation/songs'
import { api, expectErrorShape, registerAndSignIn, signInDemo, uploadSong } from './http'

/** The song edits behind /admin/songs (issue 13): PATCH /api/songs/:id and the managed list. */
const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
let mp3: Buffer
const tag = randomUUID().slice(0, 8)
type Account = { accessToken: string; userId: string }
let dancer: Account, stranger: Account, instructor: Account, colleague: Account, admin: Account

async function promote(a: Account, role: 'INSTRUCTOR' | 'ADMIN') {
  await db.query(`UPDATE "User" SET role = $2 WHERE id = $1`, [a.userId, role])
}
async function upload(a: Account, title: string, fields: Record<string, string> = {}) {
  const res = await uploadSong(a.accessToken, mp3, { title, ...fields })
  expect(res.status, JSON.stringify(res.body)).toBe(202)
  return res.body.song as { id: string; title: string; visibility: string; analysis: { countOne: number[] } }
}
const patch = (a: Account | null, id: string, json: unknown) => api('PATCH', `/api/songs/${id}`, { token: a?.accessToken, json })
const get = (a: Account, id: string) => api('GET', `/api/songs/${id}`, { token: a.accessToken })

beforeAll(async () => {
  await db.connect()
  const [song] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: false })
  const dir = '.data/test-fixtures'
  await mkdir(dir, { recursive: true })
  // Its own encoding: content no other test file uploads.
  await runFfmpeg(['-y', '-i', song.wav, '-c:a', 'libmp3lame', '-b:a', '88k', path.join(dir, 'clasica-88k.mp3')], { timeout: 120_000 })
  mp3 = await readFile(path.join(dir, 'clasica-88k.mp3'))
  dancer = await registerAndSignIn('admin-songs-dancer')
  stranger = await registerAndSignIn('admin-songs-stranger')
  colleague = await registerAndSignIn('admin-songs-colleague')
  instructor = await signInDemo('INSTRUCTOR')
  admin = await signInDemo('ADMIN')
  await promote(colleague, 'INSTRUCTOR')
}, 180_000)

afterAll(async () => {
  await db.end()
  await disconnectDb()
})

describe('PATCH /api/songs/:id', () => {
  it('the owner renames their song; the change is what later reads see', async () => {
    const s = await upload(dancer, `Rename me ${tag}`)
    const res = await patch(dancer, s.id, { title: '  Renamed  ', artist: 'The Band' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.song).toMatchObject({ id: s.id, title: 'Renamed', artist: 'The Band', visibility: 'PRIVATE' })
    expect(res.body.song).not.toHaveProperty('storageKey')
    expect((await get(dancer, s.id)).body.song).toMatchObject({ title: 'Renamed', artist: 'The Band' })
  })

  it('a dancer may keep their song private but not publish it (403); an instructor publishes theirs', async () => {
    const mine = await upload(dancer, `Dancer song ${tag}`)
    const refused = await patch(dancer, mine.id, { visibility: 'PUBLIC' })
    expectErrorShape(refused, 403, 'forbidden')
    expect((await get(dancer, mine.id)).body.song.visibility).toBe('PRIVATE')
    expectErrorShape(await get(stranger, mine.id), 404)
    expect((await patch(dancer, mine.id, { visibility: 'PRIVATE' })).status).toBe(200)

    const theirs = await upload(instructor, `Instructor song ${tag}`)
    expectErrorShape(await get(stranger, theirs.id), 404)
    const pub = await patch(instructor, theirs.id, { visibility: 'PUBLIC' })
    expect(pub.status, JSON.stringify(pub.body)).toBe(200)
    expect(pub.body.song.visibility).toBe('PUBLIC')
    expect((await get(stranger, theirs.id)).body.song.visibility).toBe('PUBLIC')
    const back = await patch(instructor, theirs.id, { visibility: 'PRIVATE' })
    expect(back.body.song.visibility).toBe('PRIVATE')
    expectErrorShape(await get(stranger, theirs.id), 404)
  })

  it("someone else's public song: other instructors and dancers get 403, an admin may edit it", async () => {
    const s = await upload(instructor, `Library song ${tag}`, { visibility: 'PUBLIC' })
    for (const who of [colleague, dancer]) {
      expectErrorShape(await patch(who, s.id, { title: 'Hijacked' }), 403, 'forbidden')
      expectErrorShape(await patch(who, s.id, { visibility: 'PRIVATE' }), 403, 'forbidden')
    }
    expect((await get(instructor, s.id)).body.song).toMatchObject({ title: `Library song ${tag}`, visibility: 'PUBLIC' })
    // The colleague may still correct its count: that is the analysis endpoint's rule, not this one's.
    expect((await api('PATCH', `/api/songs/${s.id}/analysis`, { token: colleague.accessToken, json: { kind: 'shift', beats: 1 } })).status).toBe(200)

    const byAdmin = await patch(admin, s.id, { title: `Library song ${tag} (edited)`, visibility: 'PRIVATE' })
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200)
    expect(byAdmin.body.song).toMatchObject({ visibility: 'PRIVATE', uploadedById: instructor.userId })
    expectErrorShape(await get(colleague, s.id), 404)
  })

  it("someone else's private song and unknown ids are 404; signed out is 401", async () => {
    const s = await upload(dancer, `Private ${tag}`)
    expectErrorShape(await patch(stranger, s.id, { title: 'x' }), 404, 'not_found')
    expectErrorShape(await patch(colleague, s.id, { visibility: 'PUBLIC' }), 404, 'not_found')
    expectErrorShape(await patch(dancer, 'no-such-song-id', { title: 'x' }), 404, 'not_found')
    expectErrorShape(await patch(admin, 'no-such-song-id', { title: 'x' }), 404, 'not_found')
    expectErrorShape(await patch(null, s.id, { title: 'x' }), 401)
    expect((await patch(admin, s.id, { artist: 'Admin was here' })).body.song.artist).toBe('Admin was here')
  })

  it('a bad body is a 422 with the field named, and changes nothing', async () => {
    const s = await upload(dancer, `Validate ${tag}`)
    const bad: unknown[] = [
      {}, { title: '' }, { title: '   ' }, { title: 'x'.repeat(201) }, { title: 5 }, { artist: 'y'.repeat(201) },
      { visibility: 'SECRET' }, { visibility: null }, { title: 'ok', storageKey: 'songs/other.mp3' }, [], 'PUBLIC',
    ]
    for (const body of bad) expectErrorShape(await patch(dancer, s.id, body), 422, 'validation_failed')
    const field = await patch(dancer, s.id, { visibility: 'SECRET' })
    expect(field.body.error.fields.visibility).toBeDefined()
    const notJson = await api('PATCH', `/api/songs/${s.id}`, { token: dancer.accessToken, raw: '{"title":', headers: { 'content-type': 'application/json' } })
    expect(notJson.status).toBeGreaterThanOrEqual(400)
    expect(notJson.status).toBeLessThan(500)
    expect((await get(dancer, s.id)).body.song).toMatchObject({ title: `Validate ${tag}`, artist: '', visibility: 'PRIVATE' })
  })
})

describe('listManagedSongs (the /admin/songs list)', () => {
  const as = (a: Account, role: SessionUser['role']): SessionUser => ({ id: a.userId, email: '', name: '', role, familyId: '' })
  const q = (o: Record<string, unknown>) => ManagedSongListQuerySchema.parse(o)
  let ids: Record<string, string>

  beforeAll(async () => {
    const list = `list-${tag}`
    ids = {
      mine: (await upload(colleague, `${list} 100% mine`)).id,
      minePublic: (await upload(colleague, `${list} 100 public`, { visibility: 'PUBLIC', artist: 'Los_Artistas' })).id,
      othersPublic: (await upload(instructor, `${list} a_b others public`, { visibility: 'PUBLIC' })).id,
      othersPrivate: (await upload(instructor, `${list} axb others private`)).id,
      dancers: (await upload(dancer, `${list} dancer private`)).id,
    }
  }, 120_000)

  it('an instructor sees their own songs and the public library, never others\' private ones; an admin sees all', async () => {
    const mine = await listManagedSongs(as(colleague, 'INSTRUCTOR'), q({ q: `list-${tag}` }))
    expect(new Set(mine.items.map((s) => s.id))).toEqual(new Set([ids.mine, ids.minePublic, ids.othersPublic]))
    expect(mine.total).toBe(3)
    const editable = Object.fromEntries(mine.items.map((s) => [s.id, s.editable]))
    expect(editable).toEqual({ [ids.mine]: true, [ids.minePublic]: true, [ids.othersPublic]: false })

    const all = await listManagedSongs(as(admin, 'ADMIN'), q({ q: `list-${tag}` }))
    expect(new Set(all.items.map((s) => s.id))).toEqual(new Set(Object.values(ids)))
    expect(all.items.every((s) => s.editable)).toBe(true)
    await expect(listManagedSongs(as(dancer, 'USER'), q({}))).rejects.toMatchObject({ status: 403 })
  })

  it('searches title and artist case-insensitively, with % and _ taken literally', async () => {
    const ids1 = async (text: string) => (await listManagedSongs(as(admin, 'ADMIN'), q({ q: text }))).items.map((s) => s.id).sort()
    expect(await ids1(`LIST-${tag} 100%`)).toEqual([ids.mine])
    expect(await ids1(`list-${tag} a_b`)).toEqual([ids.othersPublic])
    expect(await ids1('los_artistas')).toEqual([ids.minePublic])
    expect(await ids1('los%artistas')).toEqual([])
    // The library's own search (GET /api/songs) escapes them the same way.
    const viaApi = await api('GET', `/api/songs?q=${encodeURIComponent(`list-${tag} 100%`)}`, { token: admin.accessToken })
    expect(viaApi.body.items.map((s: { id: string }) => s.id)).toEqual([ids.mine])
  })

  it('filters by visibility and pages newest first', async () => {
    const me = as(colleague, 'INSTRUCTOR')
    const pub = await listManagedSongs(me, q({ q: `list-${tag}`, visibility: 'PUBLIC' }))
    expect(pub.items.map((s) => s.id).sort()).toEqual([ids.minePublic, ids.othersPublic].sort())
    const priv = await listManagedSongs(me, q({ q: `list-${tag}`, visibility: 'PRIVATE' }))
    expect(priv.items.map((s) => s.id)).toEqual([ids.mine])

    const pages = await Promise.all([1, 2, 3, 4].map((page) => listManagedSongs(me, q({ q: `list-${tag}`, pageSize: 1, page }))))
    expect(pages.map((p) => p.total)).toEqual([3, 3, 3, 3])
    expect(pages.map((p) => p.items.map((s) => s.id))).toEqual([[ids.othersPublic], [ids.minePublic], [ids.mine], []])
  })

  it('each row says what the analysis found: analysed, how sure, warnings and corrections', async () => {
    const before = (await listManagedSongs(as(colleague, 'INSTRUCTOR'), q({ q: `list-${tag} 100% mine` }))).items[0]
    expect(before).toMatchObject({ id: ids.mine, bpm: expect.any(Number), durationSeconds: expect.any(Number), visibility: 'PRIVATE' })
    expect(before.analysis).toMatchObject({ current: true, warnings: 0, corrections: 0 })
    expect(before.analysis.confidence).toBeGreaterThan(0)
    expect(before).not.toHaveProperty('storageKey')

    expect((await api('PATCH', `/api/songs/${ids.mine}/analysis`, { token: colleague.accessToken, json: { kind: 'tempo', factor: 0.5 } })).status).toBe(200)
    await db.query(`UPDATE "Song" SET analysis = jsonb_set(analysis, '{warnings}', '["check me", "and me"]'::jsonb) WHERE id = $1`, [ids.mine])
    const after = (await listManagedSongs(as(colleague, 'INSTRUCTOR'), q({ q: `list-${tag} 100% mine` }))).items[0]
    expect(after.analysis).toMatchObject({ current: true, warnings: 2, corrections: 1 })
    expect(after.bpm).toBeCloseTo(before.bpm! / 2, 3)

    await db.query(`UPDATE "Song" SET "analysisVersion" = 0 WHERE id = $1`, [ids.mine])
    const stale = (await listManagedSongs(as(colleague, 'INSTRUCTOR'), q({ q: `list-${tag} 100% mine` }))).items[0]
    expect(stale.analysis.current).toBe(false)
  })
})
