import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, expectErrorShape, registerAndSignIn, signInDemo } from './http'

const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
beforeAll(() => db.connect())
afterAll(() => db.end())

async function choreography(token: string, request: string) {
  const songs = await api('GET', '/api/songs?pageSize=1&sort=title', { token })
  const made = await api('POST', '/api/choreographies', { token, json: { songId: songs.body.items[0].id, request } })
  expect(made.status).toBe(202)
  return made.body.id as string
}

/** A fresh account promoted by the demo admin: a second instructor, owner checks between two. */
async function newInstructor(tag: string) {
  const admin = await signInDemo('ADMIN')
  const u = await registerAndSignIn(tag)
  expect((await api('PATCH', `/api/admin/users/${u.userId}`, { token: admin.accessToken, json: { role: 'INSTRUCTOR' } })).status).toBe(200)
  return u
}

const ids = (plan: { items: { id: string }[] }) => plan.items.map((i) => i.id)
const taskIds = (plan: { items: { choreography: { id: string } | null }[] }) => plan.items.map((i) => i.choreography?.id)

describe('class plans', () => {
  it('a dancer gets 403 from every endpoint; signed out is 401', async () => {
    const dancer = await registerAndSignIn('plan-dancer')
    const token = dancer.accessToken
    for (const [method, path, json] of [
      ['GET', '/api/class-plans'], ['POST', '/api/class-plans', { title: 'x' }], ['GET', '/api/class-plans/sources'],
      ['GET', '/api/class-plans/abc'], ['PATCH', '/api/class-plans/abc', { title: 'x' }], ['DELETE', '/api/class-plans/abc'],
      ['POST', '/api/class-plans/abc/duplicate'], ['GET', '/api/class-plans/abc/export'],
      ['POST', '/api/class-plans/abc/items', { moveId: 'x' }], ['PATCH', '/api/class-plans/abc/items/def', { notes: '' }],
      ['DELETE', '/api/class-plans/abc/items/def'], ['PUT', '/api/class-plans/abc/order', { itemIds: ['a'] }],
    ] as [string, string, unknown?][]) {
      const res = await api(method, path, { token, json })
      expectErrorShape(res, 403, 'forbidden')
    }
    expectErrorShape(await api('GET', '/api/class-plans'), 401)
  })

  it('create, read, update, add items, notes and timing, reorder (a permutation only), remove, delete', async () => {
    const me = await newInstructor('plan-owner')
    const token = me.accessToken
    const [a, b, c] = [await choreography(token, 'easy turns, 20 seconds'), await choreography(token, 'footwork, 20 seconds'), await choreography(token, 'dips, 20 seconds')]

    expectErrorShape(await api('POST', '/api/class-plans', { token, json: { title: '' } }), 422)
    expectErrorShape(await api('POST', '/api/class-plans', { token, json: { title: 'x', level: 'expert' } }), 422)
    expectErrorShape(await api('POST', '/api/class-plans', { token, json: { title: 'x', scheduledFor: 'next tuesday' } }), 422)
    expectErrorShape(await api('POST', '/api/class-plans', { token, json: { title: 'x', owner: 'someone' } }), 422)
    expectErrorShape(await api('POST', '/api/class-plans', { token, raw: '{not json', headers: { 'content-type': 'application/json' } }), 400)

    const made = await api('POST', '/api/class-plans', { token, json: { title: 'Tuesday beginners', level: 'beginner', scheduledFor: '2026-12-08T19:00:00Z' } })
    expect(made.status).toBe(201)
    const plan = made.body.plan
    expect(plan).toMatchObject({ title: 'Tuesday beginners', level: 'beginner', scheduledFor: '2026-12-08T19:00:00.000Z', shared: false, items: [], totalMinutes: 0 })
    const base = `/api/class-plans/${plan.id}`

    // Items: own choreographies and a library move; bad bodies are 422, a missing target 404.
    const sources = await api('GET', '/api/class-plans/sources', { token })
    expect(sources.body.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([a, b, c]))
    expect(sources.body.moves.length).toBeGreaterThan(0)
    expect(sources.body.moves[0]).toEqual({ id: expect.any(String), name: expect.any(String), family: expect.any(String), difficulty: expect.any(String), counts: expect.any(Number) })
    const first = await api('POST', `${base}/items`, { token, json: { taskId: a, notes: 'warm-up', durationMinutes: 10 } })
    expect(first.status).toBe(201)
    expect(first.body.item).toMatchObject({ kind: 'choreography', notes: 'warm-up', durationMinutes: 10, choreography: { id: a, own: true } })
    const steps = first.body.item.choreography.steps as { name: string; counts: number }[]
    expect(steps.length).toBeGreaterThan(0)
    expect(steps.every((s) => s.name.length > 0 && s.counts >= 0)).toBe(true)
    expect(first.body.item.choreography.totalCounts).toBe(steps.reduce((n, s) => n + s.counts, 0))
    expect((await api('POST', `${base}/items`, { token, json: { taskId: b } })).status).toBe(201)
    expect((await api('POST', `${base}/items`, { token, json: { taskId: c, durationMinutes: 15 } })).status).toBe(201)
    const move = (await api('GET', '/api/moves?pageSize=1', { token })).body.items[0]
    const withMove = await api('POST', `${base}/items`, { token, json: { moveId: move.id, notes: 'drill it' } })
    expect(withMove.body.item).toMatchObject({ kind: 'move', move: { id: move.id, name: move.name } })
    expectErrorShape(await api('POST', `${base}/items`, { token, json: {} }), 422)
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { taskId: a, moveId: move.id } }), 422)
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { taskId: a, durationMinutes: 0 } }), 422)
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { taskId: a, durationMinutes: 2.5 } }), 422)
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { taskId: 'nosuchtask' } }), 404)
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { moveId: 'no-such-move' } }), 404)
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { shareToken: 'A'.repeat(32) } }), 404)
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { shareToken: 'short' } }), 422)

    const got = await api('GET', base, { token })
    expect(got.status).toBe(200)
    expect(got.body.editable).toBe(true)
    expect(taskIds(got.body.plan)).toEqual([a, b, c, undefined])
    expect(got.body.plan.totalMinutes).toBe(25)
    const itemIds = ids(got.body.plan)

    // Reorder: a permutation is saved; anything else is a 422 and changes nothing.
    const reordered = await api('PUT', `${base}/order`, { token, json: { itemIds: [itemIds[2], itemIds[0], itemIds[3], itemIds[1]] } })
    expect(reordered.status).toBe(200)
    expect(taskIds(reordered.body.plan)).toEqual([c, a, undefined, b])
    for (const bad of [[itemIds[0], itemIds[0], itemIds[1], itemIds[2]], itemIds.slice(0, 3), [...itemIds, 'extra'], [itemIds[0], itemIds[1], itemIds[2], 'other']]) {
      const res = await api('PUT', `${base}/order`, { token, json: { itemIds: bad } })
      expectErrorShape(res, 422, 'validation_failed')
      expect(res.body.error.fields.itemIds).toBeDefined()
    }
    expectErrorShape(await api('PUT', `${base}/order`, { token, json: { itemIds: [] } }), 422)
    expect(taskIds((await api('GET', base, { token })).body.plan)).toEqual([c, a, undefined, b])

    // Notes and timing of one item; clearing the timing with null.
    const edited = await api('PATCH', `${base}/items/${itemIds[1]}`, { token, json: { notes: 'slow first, then on tempo', durationMinutes: 20 } })
    expect(edited.body.plan.items.find((i: { id: string }) => i.id === itemIds[1])).toMatchObject({ notes: 'slow first, then on tempo', durationMinutes: 20 })
    const cleared = await api('PATCH', `${base}/items/${itemIds[2]}`, { token, json: { durationMinutes: null } })
    expect(cleared.body.plan.items.find((i: { id: string }) => i.id === itemIds[2]).durationMinutes).toBeNull()
    expectErrorShape(await api('PATCH', `${base}/items/${itemIds[1]}`, { token, json: { durationMinutes: 999 } }), 422)
    expectErrorShape(await api('PATCH', `${base}/items/nosuchitem`, { token, json: { notes: 'x' } }), 404)

    // Plan details.
    const updated = await api('PATCH', base, { token, json: { title: 'Tuesday improvers', level: 'intermediate', scheduledFor: null, description: 'Week 2' } })
    expect(updated.body.plan).toMatchObject({ title: 'Tuesday improvers', level: 'intermediate', scheduledFor: null, description: 'Week 2' })
    expectErrorShape(await api('PATCH', base, { token, json: { title: ' ' } }), 422)

    // Remove, then delete.
    expect((await api('DELETE', `${base}/items/${itemIds[3]}`, { token })).body.plan.items).toHaveLength(3)
    expectErrorShape(await api('DELETE', `${base}/items/${itemIds[3]}`, { token }), 404)
    const list = await api('GET', '/api/class-plans', { token })
    expect(list.body.items).toEqual([expect.objectContaining({ id: plan.id, title: 'Tuesday improvers', itemCount: 3 })])
    expect((await api('DELETE', base, { token })).body).toEqual({ ok: true })
    expectErrorShape(await api('GET', base, { token }), 404)
  })

  it('another instructor gets the 404 of a missing plan on everything; an admin reads but cannot change it', async () => {
    const owner = await newInstructor('plan-a')
    const other = await newInstructor('plan-b')
    const admin = await signInDemo('ADMIN')
    const task = await choreography(owner.accessToken, 'romantic, 20 seconds')
    const plan = (await api('POST', '/api/class-plans', { token: owner.accessToken, json: { title: 'Private plan' } })).body.plan
    const base = `/api/class-plans/${plan.id}`
    const item = (await api('POST', `${base}/items`, { token: owner.accessToken, json: { taskId: task } })).body.item

    const missing = await api('GET', '/api/class-plans/nosuchplan', { token: other.accessToken })
    expectErrorShape(missing, 404)
    for (const [method, path, json] of [
      ['GET', base], ['PATCH', base, { title: 'mine now' }], ['DELETE', base], ['POST', `${base}/duplicate`], ['GET', `${base}/export`],
      ['POST', `${base}/items`, { taskId: task }], ['PATCH', `${base}/items/${item.id}`, { notes: 'x' }], ['DELETE', `${base}/items/${item.id}`],
      ['PUT', `${base}/order`, { itemIds: [item.id] }],
    ] as [string, string, unknown?][]) {
      const res = await api(method, path, { token: other.accessToken, json })
      expectErrorShape(res, 404)
      expect(res.body.error.message).toBe(missing.body.error.message)
    }
    // Nor can an instructor add someone else's choreography by its id.
    const theirs = (await api('POST', '/api/class-plans', { token: other.accessToken, json: { title: 'B' } })).body.plan
    expectErrorShape(await api('POST', `/api/class-plans/${theirs.id}/items`, { token: other.accessToken, json: { taskId: task } }), 404)
    expect((await api('GET', '/api/class-plans', { token: other.accessToken })).body.items.map((p: { id: string }) => p.id)).toEqual([theirs.id])

    const read = await api('GET', base, { token: admin.accessToken })
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ editable: false, plan: { id: plan.id, title: 'Private plan' } })
    expect((await api('GET', `${base}/export`, { token: admin.accessToken })).status).toBe(200)
    expectErrorShape(await api('PATCH', base, { token: admin.accessToken, json: { title: 'admin was here' } }), 403, 'forbidden')
    expectErrorShape(await api('DELETE', base, { token: admin.accessToken }), 403, 'forbidden')
    expect((await api('GET', base, { token: owner.accessToken })).body.plan.title).toBe('Private plan')
  })

  it('duplicate copies every item with notes, timing and order into a new private plan', async () => {
    const me = await newInstructor('plan-dup')
    const token = me.accessToken
    const [a, b] = [await choreography(token, 'turns, 20 seconds'), await choreography(token, 'shines, 20 seconds')]
    const plan = (await api('POST', '/api/class-plans', { token, json: { title: 'Week 1', shared: true, level: 'beginner' } })).body.plan
    const base = `/api/class-plans/${plan.id}`
    await api('POST', `${base}/items`, { token, json: { taskId: a, notes: 'first', durationMinutes: 5 } })
    await api('POST', `${base}/items`, { token, json: { taskId: b, notes: 'second', durationMinutes: 7 } })
    const original = (await api('GET', base, { token })).body.plan
    await api('PUT', `${base}/order`, { token, json: { itemIds: ids(original).reverse() } })

    const dup = await api('POST', `${base}/duplicate`, { token })
    expect(dup.status).toBe(201)
    const copy = dup.body.plan
    expect(copy.id).not.toBe(plan.id)
    expect(copy).toMatchObject({ title: 'Week 1 (copy)', level: 'beginner', shared: false, totalMinutes: 12 })
    expect(copy.items.map((i: { notes: string; durationMinutes: number }) => [i.notes, i.durationMinutes])).toEqual([['second', 7], ['first', 5]])
    expect(taskIds(copy)).toEqual([b, a])
    expect(ids(copy).some((id: string) => ids(original).includes(id))).toBe(false)
    // The two are independent: changing the copy leaves the original alone.
    await api('DELETE', `/api/class-plans/${copy.id}/items/${copy.items[0].id}`, { token })
    expect((await api('GET', base, { token })).body.plan.items).toHaveLength(2)
    expectErrorShape(await api('POST', '/api/class-plans/nosuchplan/duplicate', { token }), 404)
  })

  it('exports a JSON download with plan, instructor, moves, counts, notes and timings', async () => {
    const { accessToken: token } = await signInDemo('INSTRUCTOR')
    await api('PUT', '/api/me/instructor-profile', { token, json: { bio: 'Teaching since 2010', school: 'Casa Bachata', links: [{ label: 'Site', url: 'https://example.com' }] } })
    const task = await choreography(token, 'sensual, 20 seconds')
    const plan = (await api('POST', '/api/class-plans', { token, json: { title: 'Sábado / social prep!' } })).body.plan
    await api('POST', `/api/class-plans/${plan.id}/items`, { token, json: { taskId: task, notes: 'count out loud', durationMinutes: 12 } })

    const res = await api('GET', `/api/class-plans/${plan.id}/export`, { token })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="class-plan-sabado-social-prep.json"')
    const doc = res.body
    expect(doc).toMatchObject({
      version: 1,
      plan: { id: plan.id, title: 'Sábado / social prep!', totalMinutes: 12 },
      instructor: { school: 'Casa Bachata', bio: 'Teaching since 2010', links: [{ label: 'Site', url: 'https://example.com' }] },
      items: [{ position: 1, kind: 'choreography', notes: 'count out loud', durationMinutes: 12, choreography: { id: task } }],
    })
    expect(doc.instructor.email).toBeUndefined()
    const moves = doc.items[0].choreography.moves as { kind: string; name: string; counts: number }[]
    expect(moves.some((m) => m.kind === 'move')).toBe(true)
    // The counts are the blueprint's: read it to compare.
    const bp = await db.query(`SELECT data FROM "Blueprint" WHERE "taskId" = $1`, [task])
    expect(moves).toEqual(bp.rows[0].data.moves.map((m: { kind: string; name: string; counts: number }) => expect.objectContaining({ kind: m.kind, name: m.name, counts: m.counts })))
    expect(doc.items[0].choreography.totalCounts).toBe(moves.reduce((n, m) => n + m.counts, 0))
    expectErrorShape(await api('GET', '/api/class-plans/nosuchplan/export', { token }), 404)
  })

  it('a choreography shared by link can be added; once the link is revoked the plan stops showing its moves', async () => {
    const dancer = await registerAndSignIn('plan-sharer')
    const me = await newInstructor('plan-shared')
    const token = me.accessToken
    const task = await choreography(dancer.accessToken, 'bachata moderna, 20 seconds')
    await db.query(`UPDATE "ChoreographyTask" SET status = 'SUCCEEDED', stage = 'done', progress = 100, "outputKey" = $2 WHERE id = $1`, [task, `outputs/plan-test/${task}.mp4`])
    const link = (await api('POST', `/api/choreographies/${task}/share`, { token: dancer.accessToken, json: {} })).body.link
    const plan = (await api('POST', '/api/class-plans', { token, json: { title: 'Borrowed' } })).body.plan
    const base = `/api/class-plans/${plan.id}`

    // By id it is not theirs; by its link (the URL or the bare token) it is.
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { taskId: task } }), 404)
    const added = await api('POST', `${base}/items`, { token, json: { shareToken: link.url } })
    expect(added.status).toBe(201)
    expect(added.body.item).toMatchObject({ kind: 'choreography', choreography: { id: task, own: false } })
    expect(added.body.item.choreography.steps.length).toBeGreaterThan(0)
    expect((await api('POST', `${base}/items`, { token, json: { shareToken: link.path.replace('/s/', '') } })).status).toBe(201)
    // Now it is shared with them: the picker offers it and adding by id works.
    const sources = (await api('GET', '/api/class-plans/sources', { token })).body.items
    expect(sources).toEqual([expect.objectContaining({ id: task, own: false })])
    expect((await api('POST', `${base}/items`, { token, json: { taskId: task } })).status).toBe(201)

    await api('DELETE', `/api/choreographies/${task}/share/${link.id}`, { token: dancer.accessToken })
    const after = (await api('GET', base, { token })).body.plan
    expect(after.items.map((i: { kind: string }) => i.kind)).toEqual(['unavailable', 'unavailable', 'unavailable'])
    expect(after.items[0].choreography).toBeNull()
    expect((await api('GET', '/api/class-plans/sources', { token })).body.items).toEqual([])
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { taskId: task } }), 404)
    expectErrorShape(await api('POST', `${base}/items`, { token, json: { shareToken: link.url } }), 404)
  })

  it('a shared plan has a public page with the instructor profile; unshared it is a 404', async () => {
    const me = await newInstructor('plan-public')
    const token = me.accessToken
    await api('PUT', '/api/me/instructor-profile', { token, json: { bio: 'Bachata every Friday', school: 'Escuela Luna', links: [] } })
    const task = await choreography(token, 'playful, 20 seconds')
    const plan = (await api('POST', '/api/class-plans', { token, json: { title: 'Open practice' } })).body.plan
    await api('POST', `/api/class-plans/${plan.id}/items`, { token, json: { taskId: task, notes: 'partner rotation' } })

    const page = (path: string) => fetch(`${process.env.TEST_APP_URL}${path}`)
    expect((await page(`/plans/${plan.id}`)).status).toBe(404)
    await api('PATCH', `/api/class-plans/${plan.id}`, { token, json: { shared: true } })
    const res = await page(`/plans/${plan.id}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    for (const text of ['Open practice', 'Escuela Luna', 'Bachata every Friday', 'partner rotation']) expect(html).toContain(text)
    expect(html).not.toContain(me.email)
    await api('PATCH', `/api/class-plans/${plan.id}`, { token, json: { shared: false } })
    expect((await page(`/plans/${plan.id}`)).status).toBe(404)
  })
})
