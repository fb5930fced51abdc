import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { MoveAnnotationSchema } from '@/lib/engines/dance/move-annotation'
import { renderDemoClip } from '@/scripts/demo/library/render-demo-clip'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'
import { api, expectErrorShape, registerAndSignIn, signInDemo } from './http'

// Who may change a move: the instructor who added it, or an admin. A second instructor gets
// 403 JSON on every change; a demo move (added by nobody) is the admins' alone.
const FIX = '.data/test-fixtures/move-ownership'
const ID = 'ownership-basic-step'
const DEMO_ID = demoCatalog()[0].id
let owner: string
let other: string
let admin: string

beforeAll(async () => {
  await mkdir(FIX, { recursive: true })
  const annotation = MoveAnnotationSchema.parse({ ...demoCatalog()[0], id: ID, name: 'Ownership basic step', tags: ['ownership'] })
  const clipFile = path.join(FIX, 'clip.mp4')
  if (!existsSync(clipFile)) await renderDemoClip(annotation, clipFile)
  owner = (await signInDemo('INSTRUCTOR')).accessToken
  admin = (await signInDemo('ADMIN')).accessToken
  // A second instructor: a new account an admin promotes.
  const s = await registerAndSignIn('second-instructor')
  expect((await api('PATCH', `/api/admin/users/${s.userId}`, { token: admin, json: { role: 'INSTRUCTOR' } })).status).toBe(200)
  other = s.accessToken
  const form = new FormData()
  form.append('annotation', JSON.stringify(annotation))
  form.append('clip', new Blob([new Uint8Array(await readFile(clipFile))]), 'clip.mp4')
  const res = await api('POST', '/api/moves', { token: owner, raw: form })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  expect(res.body.move.canEdit).toBe(true)
}, 180_000)

const patch = (token: string, id: string, name: string) => api('PATCH', `/api/moves/${id}`, { token, json: { name } })
const disable = (token: string, id: string) => api('DELETE', `/api/moves/${id}`, { token })
const enable = (token: string, id: string) => api('PATCH', `/api/moves/${id}`, { token, json: { enabled: true } })
const embed = (token: string, id: string) => api('POST', `/api/moves/${id}/embed`, { token })
const read = async (token: string, id: string) => (await api('GET', `/api/moves/${id}`, { token })).body.move

describe('move ownership', () => {
  it('another instructor gets 403 JSON on every change, and the move is unchanged', async () => {
    for (const res of [await patch(other, ID, 'Taken over'), await disable(other, ID), await enable(other, ID), await embed(other, ID)]) {
      expectErrorShape(res, 403, 'forbidden')
      expect(res.body.error.message).toMatch(/instructor who added this move, or an admin/)
    }
    const move = await read(owner, ID)
    expect(move).toMatchObject({ name: 'Ownership basic step', enabled: true })
    expect((await read(other, ID)).canEdit).toBe(false)
  })

  it('the instructor who added it edits, disables, enables and re-embeds it', async () => {
    expect((await patch(owner, ID, 'Owner renamed step')).body.move).toMatchObject({ name: 'Owner renamed step', canEdit: true })
    expect((await disable(owner, ID)).status).toBe(200)
    expect((await read(owner, ID)).enabled).toBe(false)
    expect((await enable(owner, ID)).body.move.enabled).toBe(true)
    expect((await embed(owner, ID)).status).toBe(200)
  })

  it('an admin changes any move, the instructor\'s and the demo library\'s alike', async () => {
    expect((await read(admin, ID)).canEdit).toBe(true)
    expect((await patch(admin, ID, 'Admin renamed step')).body.move.name).toBe('Admin renamed step')
    expect((await embed(admin, ID)).status).toBe(200)
    const demo = await read(admin, DEMO_ID)
    expect(demo.canEdit).toBe(true)
    expect((await patch(admin, DEMO_ID, demo.name)).status).toBe(200)
  })

  it('a demo move, added by nobody, is the admins\' alone: instructors see it but may not change it', async () => {
    expect((await read(owner, DEMO_ID)).canEdit).toBe(false)
    for (const token of [owner, other]) {
      expectErrorShape(await patch(token, DEMO_ID, 'Hijacked'), 403, 'forbidden')
      expectErrorShape(await disable(token, DEMO_ID), 403, 'forbidden')
      expectErrorShape(await embed(token, DEMO_ID), 403, 'forbidden')
    }
    expect((await read(owner, DEMO_ID)).enabled).toBe(true)
  })

  it('the curator list says which moves each user may change', async () => {
    // The basic family (the fixture copies a basic step): fewer than 100, one page.
    const list = async (token: string) =>
      (await api('GET', '/api/moves?family=basic&includeDisabled=true&pageSize=100', { token })).body.items as Array<{ id: string; canEdit: boolean }>
    const flags = async (token: string) => Object.fromEntries((await list(token)).filter((m) => m.id === ID || m.id === DEMO_ID).map((m) => [m.id, m.canEdit]))
    expect(await flags(owner)).toEqual({ [ID]: true, [DEMO_ID]: false })
    expect(await flags(other)).toEqual({ [ID]: false, [DEMO_ID]: false })
    expect(await flags(admin)).toEqual({ [ID]: true, [DEMO_ID]: true })
  })

  it('unknown moves are still 404 for everyone, never a 403 that says it exists', async () => {
    expectErrorShape(await patch(other, 'no-such-move', 'x y'), 404)
    expectErrorShape(await embed(owner, 'no-such-move'), 404)
  })
})
