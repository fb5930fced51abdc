import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { api, BASE_URL, expectErrorShape, registerAndSignIn } from './http'

const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
const storage = new LocalStorage(process.env.DATA_DIR ?? '')
beforeAll(() => db.connect())
afterAll(() => db.end())

/** A choreography of a demo song, marked rendered with a stand-in video in storage (no worker here; e2e renders for real). */
async function renderedTask(token: string) {
  const songs = await api('GET', '/api/songs?pageSize=1&sort=title', { token })
  const made = await api('POST', '/api/choreographies', { token, json: { songId: songs.body.items[0].id, request: 'easy, 20 seconds' } })
  expect(made.status).toBe(202)
  const id = made.body.id as string
  const video = randomBytes(50_000)
  await storage.put(`outputs/share-test/${id}.mp4`, video)
  return { id, video, finish: () => db.query(`UPDATE "ChoreographyTask" SET status = 'SUCCEEDED', stage = 'done', progress = 100, "outputKey" = $2 WHERE id = $1`, [id, `outputs/share-test/${id}.mp4`]) }
}

const signedOut = (path: string, headers: Record<string, string> = {}) => fetch(`${BASE_URL}${path}`, { headers })

describe('share links', () => {
  it('share a finished choreography signed out, with ranges; revoke and it is the same 404 as any bad token', async () => {
    const owner = await registerAndSignIn('share-owner')
    const stranger = await registerAndSignIn('share-stranger')
    const t = await renderedTask(owner.accessToken)

    expectErrorShape(await api('POST', `/api/choreographies/${t.id}/share`, { token: owner.accessToken, json: {} }), 409)
    await t.finish()
    expectErrorShape(await api('POST', `/api/choreographies/${t.id}/share`, { token: stranger.accessToken, json: {} }), 404)
    expectErrorShape(await api('GET', `/api/choreographies/${t.id}/share`, { token: stranger.accessToken }), 404)
    expectErrorShape(await api('POST', `/api/choreographies/${t.id}/share`, { json: {} }), 401)
    expectErrorShape(await api('POST', `/api/choreographies/${t.id}/share`, { token: owner.accessToken, json: { expiresInDays: 0 } }), 422)

    const made = await api('POST', `/api/choreographies/${t.id}/share`, { token: owner.accessToken, json: {} })
    expect(made.status).toBe(201)
    const path = made.body.link.path as string
    const token = path.split('/').pop()!
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(made.body.link.url).toBe(new URL(path, made.body.link.url).toString())
    // Only a hash is stored: the token appears nowhere in the row.
    const row = (await db.query('SELECT * FROM "ShareLink" WHERE id = $1', [made.body.link.id])).rows[0]
    expect(JSON.stringify(row)).not.toContain(token)
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    // The list never shows tokens again.
    const list = await api('GET', `/api/choreographies/${t.id}/share`, { token: owner.accessToken })
    expect(JSON.stringify(list.body)).not.toContain(token)
    expect(list.body.items).toHaveLength(1)

    const whole = await signedOut(`/api/share/${token}/video`)
    expect(whole.status).toBe(200)
    expect(Buffer.from(await whole.arrayBuffer()).equals(t.video)).toBe(true)
    const part = await signedOut(`/api/share/${token}/video`, { range: 'bytes=10-19' })
    expect(part.status).toBe(206)
    expect(Buffer.from(await part.arrayBuffer()).equals(t.video.subarray(10, 20))).toBe(true)
    const page = await signedOut(path)
    expect(page.status).toBe(200)
    expect(await page.text()).not.toContain(owner.email)

    const bad = await (await signedOut(`/api/share/${'A'.repeat(32)}/video`)).json()
    // A NUL is refused at the door for every path (422); it tells nothing about tokens.
    const malformed = await signedOut(`/api/share/x%00y/video`)
    expect(malformed.status).toBe(422)
    const revoke = await api('DELETE', `/api/choreographies/${t.id}/share/${made.body.link.id}`, { token: owner.accessToken })
    expect(revoke.status).toBe(200)
    const gone = await signedOut(`/api/share/${token}/video`)
    expect(gone.status).toBe(404)
    const goneBody = await gone.json()
    expect({ code: goneBody.error.code, message: goneBody.error.message }).toEqual({ code: bad.error.code, message: bad.error.message })
    expect((await signedOut(path)).status).toBe(404)
    expectErrorShape(await api('DELETE', `/api/choreographies/${t.id}/share/nolink`, { token: owner.accessToken }), 404)
  })

  it('an expired link answers 404', async () => {
    const owner = await registerAndSignIn('share-expiry')
    const t = await renderedTask(owner.accessToken)
    await t.finish()
    const made = await api('POST', `/api/choreographies/${t.id}/share`, { token: owner.accessToken, json: { expiresInDays: 7 } })
    expect(made.status).toBe(201)
    const token = (made.body.link.path as string).split('/').pop()!
    expect((await signedOut(`/api/share/${token}/video`)).status).toBe(200)
    await db.query(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [made.body.link.id])
    expect((await signedOut(`/api/share/${token}/video`)).status).toBe(404)
  })
})
