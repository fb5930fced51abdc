import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { api, expectErrorShape, registerAndSignIn, uploadSong } from './http'

let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let stranger: Awaited<ReturnType<typeof registerAndSignIn>>
let song: { id: string; analysis: { countOne: number[] } }

beforeAll(async () => {
  const [demo] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: true })
  owner = await registerAndSignIn('choreo-owner')
  stranger = await registerAndSignIn('choreo-stranger')
  const res = await uploadSong(owner.accessToken, await readFile(demo.mp3!), { title: 'Choreo song' })
  expect(res.status).toBe(202)
  song = res.body.song
}, 120_000)

const create = (body: unknown, headers: Record<string, string> = {}, token = owner.accessToken) =>
  api('POST', '/api/choreographies', { token, json: body, headers })

describe('POST /api/choreographies', () => {
  it('parses the request, builds a blueprint on the grid and queues the task', async () => {
    const res = await create({ songId: song.id, request: 'romantic beginner routine with a few easy turns, no dips, one minute', seed: 7 })
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    expect(res.body).toMatchObject({ id: expect.any(String), status: 'QUEUED' })
    expect(res.headers.get('location')).toBe(`/api/choreographies/${res.body.id}`)

    const got = await api('GET', `/api/choreographies/${res.body.id}`, { token: owner.accessToken })
    expect(got.status).toBe(200)
    const { task } = got.body
    expect(task).toMatchObject({ status: 'QUEUED', progress: 0, videoUrl: null, seed: 7 })
    expect(task.params).toMatchObject({ difficulty: 'beginner', parser: 'offline' })
    expect(task.params.excludeFamilies).toContain('dip')
    const moves = task.blueprint.moves as Array<{ songStart: number; counts: number; family: string; difficulty: string }>
    expect(moves.length).toBeGreaterThan(3)
    const countOne = new Set(song.analysis.countOne.map((t) => t.toFixed(4)))
    for (const m of moves) {
      expect(countOne.has(m.songStart.toFixed(4))).toBe(true)
      expect(m.counts % 8).toBe(0)
      expect(m.family).not.toBe('dip')
      expect(m.difficulty).toBe('beginner')
    }
    const covered = task.blueprint.end - task.blueprint.start
    expect(Math.abs(covered - 60)).toBeLessThan(8 * 60 / 128 + 0.01) // within one phrase
    // The request went through the move search: each move keeps its score parts, and the
    // moves the request singled out say how they fit it.
    const whys = (task.blueprint.moves as Array<{ kind: string; why: { scoreParts: Record<string, number>; reason: string } }>)
      .filter((m) => m.kind === 'move').map((m) => m.why)
    for (const w of whys) expect(w.scoreParts).toMatchObject({ retrieval: expect.any(Number), semantic: expect.any(Number), attributes: expect.any(Number), lexical: expect.any(Number) })
    expect(whys.some((w) => /for the request/i.test(w.reason))).toBe(true)
  })

  it('explicit params override the text, and the same seed gives the same blueprint', async () => {
    const body = { songId: song.id, request: 'easy and slow', params: { difficulty: 'intermediate', durationSeconds: 30 }, seed: 11 }
    const a = await create(body)
    const b = await create(body)
    expect(a.body.id).not.toBe(b.body.id)
    const ta = (await api('GET', `/api/choreographies/${a.body.id}`, { token: owner.accessToken })).body.task
    const tb = (await api('GET', `/api/choreographies/${b.body.id}`, { token: owner.accessToken })).body.task
    expect(ta.params.difficulty).toBe('intermediate')
    expect(ta.params.durationSeconds).toBe(30)
    expect(ta.blueprint.moves).toEqual(tb.blueprint.moves)
  })

  it('is idempotent per Idempotency-Key: the same key returns the same task', async () => {
    const key = `idem-${Date.now()}-abc`
    const first = await create({ songId: song.id, request: 'sensual two minutes' }, { 'Idempotency-Key': key })
    const again = await create({ songId: song.id, request: 'sensual two minutes' }, { 'Idempotency-Key': key })
    expect(first.status).toBe(202)
    expect(again.status).toBe(202)
    expect(again.body.id).toBe(first.body.id)
    // The same key with another body is a client bug: refused, and no second task made.
    const other = await create({ songId: song.id, request: 'playful one minute' }, { 'Idempotency-Key': key })
    expectErrorShape(other, 422, 'validation_failed')
    expect(other.body.error.fields['Idempotency-Key']).toBeDefined()
    const list = await api('GET', `/api/choreographies?q=${encodeURIComponent('playful one minute')}`, { token: owner.accessToken })
    expect(list.body.total).toBe(0)
    const both = await Promise.all([1, 2].map(() => create({ songId: song.id, request: 'race' }, { 'Idempotency-Key': `${key}-race` })))
    expect(both[0].body.id).toBe(both[1].body.id)
    // another user with the same key gets their own task
    const theirs = await create({ songId: song.id, request: 'x' }, { 'Idempotency-Key': key }, stranger.accessToken)
    expect(theirs.status).toBe(404) // and cannot even see the owner's private song
  })

  it('answers bad input with 4xx: unknown song 404, bad params 422, bad key 422', async () => {
    expectErrorShape(await create({ songId: 'no-such-song', request: 'anything' }), 404)
    expectErrorShape(await create({ songId: song.id, params: { difficulty: 'godlike' } }), 422)
    expectErrorShape(await create({ songId: song.id }), 422)
    expectErrorShape(await create({ songId: song.id, request: 'x'.repeat(501) }), 422)
    expectErrorShape(await create({ songId: song.id, request: 'ok', seed: -1 }), 422)
    expectErrorShape(await create({ songId: song.id, request: 'ok' }, { 'Idempotency-Key': 'bad key!' }), 422)
    const everything = ['basic', 'cross-body-lead', 'lady-turn', 'spin', 'hammerlock', 'shadow', 'body-wave', 'hip-roll',
      'head-roll', 'bolero', 'footwork', 'golpe', 'arm-styling', 'dip', 'intro', 'outro']
    expectErrorShape(await create({ songId: song.id, params: { excludeFamilies: everything } }), 422)
  })
})

describe('GET /api/choreographies/:id/status', () => {
  it('is the light read: no blueprint, an ETag, 304 while unchanged, a new ETag once it changes', async () => {
    const { body } = await create({ songId: song.id, request: 'status please' })
    const path = `/api/choreographies/${body.id}/status`
    const first = await api('GET', path, { token: owner.accessToken })
    expect(first.status).toBe(200)
    expect(first.body.status).toMatchObject({ id: body.id, status: expect.stringMatching(/QUEUED|RUNNING/), progress: expect.any(Number) })
    expect(first.body.status).not.toHaveProperty('blueprint')
    expect(JSON.stringify(first.body).length).toBeLessThan(600)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"/)
    expect(first.headers.get('cache-control')).toBe('private, no-cache')
    const same = await api('GET', path, { token: owner.accessToken, headers: { 'if-none-match': etag } })
    if (same.status === 200) expect(same.headers.get('etag')).not.toBe(etag) // the worker moved it meanwhile
    else expect(same.status).toBe(304)
    await api('POST', `/api/choreographies/${body.id}/cancel`, { token: owner.accessToken })
    const after = await api('GET', path, { token: owner.accessToken, headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(after.body.status.status).toBe('CANCELLED')
    expect(after.headers.get('etag')).not.toBe(etag)
    expectErrorShape(await api('GET', path), 401)
  })
})

describe('reading, cancelling, regenerating, deleting', () => {
  it("another user's task is 404 everywhere", async () => {
    const { body } = await create({ songId: song.id, request: 'playful' })
    const t = stranger.accessToken
    expect((await api('GET', `/api/choreographies/${body.id}`, { token: t })).status).toBe(404)
    expect((await api('DELETE', `/api/choreographies/${body.id}`, { token: t })).status).toBe(404)
    expect((await api('POST', `/api/choreographies/${body.id}/cancel`, { token: t })).status).toBe(404)
    expect((await api('GET', `/api/choreographies/${body.id}/status`, { token: t })).status).toBe(404)
    expect((await api('POST', `/api/choreographies/${body.id}/moves/0/regenerate`, { token: t })).status).toBe(404)
    const list = await api('GET', '/api/choreographies', { token: t })
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(body.id)
  })

  it('regenerate replaces exactly one move and queues a new render', async () => {
    const { body } = await create({ songId: song.id, request: 'intermediate, whole song', seed: 3 })
    const before = (await api('GET', `/api/choreographies/${body.id}`, { token: owner.accessToken })).body.task.blueprint.moves
    const index = Math.min(3, before.length - 2)
    const res = await api('POST', `/api/choreographies/${body.id}/moves/${index}/regenerate`, { token: owner.accessToken })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const after = res.body.task.blueprint.moves
    expect(after).toHaveLength(before.length)
    const changed = after.map((m: { moveId: string }, i: number) => m.moveId !== before[i].moveId)
    expect(changed.filter(Boolean)).toHaveLength(1)
    expect(changed[index]).toBe(true)
    expect(after[index].why.scoreParts.retrieval).toEqual(expect.any(Number)) // scored by the same search
    expect(res.body.task.status).toBe('QUEUED')
    expect((await api('POST', `/api/choreographies/${body.id}/moves/999/regenerate`, { token: owner.accessToken })).status).toBe(404)
  })

  it('cancels a queued task once; lists and filters; deletes', async () => {
    const { body } = await create({ songId: song.id, request: 'smooth' })
    const c = await api('POST', `/api/choreographies/${body.id}/cancel`, { token: owner.accessToken })
    expect(c.status).toBe(200)
    expect(c.body.task.status).toBe('CANCELLED')
    expectErrorShape(await api('POST', `/api/choreographies/${body.id}/cancel`, { token: owner.accessToken }), 409)
    const cancelled = await api('GET', '/api/choreographies?status=CANCELLED', { token: owner.accessToken })
    expect(cancelled.body.items.map((x: { id: string }) => x.id)).toContain(body.id)
    expect(cancelled.body.items.every((x: { status: string }) => x.status === 'CANCELLED')).toBe(true)
    expect((await api('DELETE', `/api/choreographies/${body.id}`, { token: owner.accessToken })).status).toBe(200)
    expect((await api('GET', `/api/choreographies/${body.id}`, { token: owner.accessToken })).status).toBe(404)
    expect((await api('GET', '/api/choreographies?status=DONE', { token: owner.accessToken })).status).toBe(422)
  })
})
