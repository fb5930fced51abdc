import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, BASE_URL, expectErrorShape, registerAndSignIn } from './http'

// Writes to the task row stand in for the render worker (none runs during these tests).
const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
beforeAll(() => db.connect())
afterAll(() => db.end())
const sql = (text: string, values: unknown[]) => db.query(text, values)

interface SseEvent { event: string; data: any; at: number }

/** Reads a text/event-stream as it arrives: each event with the time it came in. */
async function openStream(path: string, token: string) {
  const ctl = new AbortController()
  const res = await fetch(`${BASE_URL}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: ctl.signal })
  const events: SseEvent[] = []
  let ended = false
  let buffer = ''
  const reading = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event) events.push({ event, data: data ? JSON.parse(data) : null, at: Date.now() })
        }
      }
    } catch { /* aborted */ }
    ended = true
  })()
  const waitFor = async (pred: (e: SseEvent) => boolean, ms = 5000) => {
    const until = Date.now() + ms
    while (Date.now() < until) {
      const hit = events.find(pred)
      if (hit) return hit
      if (ended) break
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`no matching event in ${ms} ms; got ${JSON.stringify(events.map((e) => [e.event, e.data?.task?.status, e.data?.task?.progress]))}`)
  }
  return { res, events, waitFor, ended: () => ended, reading, close: () => ctl.abort() }
}

async function queuedTask(token: string) {
  const songs = await api('GET', '/api/songs?pageSize=1', { token })
  const made = await api('POST', '/api/choreographies', { token, json: { songId: songs.body.items[0].id, request: 'easy, 20 seconds' } })
  expect(made.status).toBe(202)
  return made.body.id as string
}

describe('GET /api/choreographies/:id/events (Server-Sent Events)', () => {
  it('pushes each change of the task as it happens, then ends when the task is finished', async () => {
    const { accessToken: token } = await registerAndSignIn('sse-owner')
    const id = await queuedTask(token)
    const s = await openStream(`/api/choreographies/${id}/events`, token)
    expect(s.res.status).toBe(200)
    expect(s.res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(s.res.headers.get('cache-control')).toContain('no-transform')
    const first = await s.waitFor((e) => e.event === 'task')
    expect(first.data.task).toMatchObject({ id, status: 'QUEUED', progress: 0 })
    expect(first.data.task.blueprint).toBeUndefined()

    // What the render worker writes, as it writes it: each change arrives while the stream is open.
    await sql(`UPDATE "ChoreographyTask" SET status = 'RUNNING', stage = 'segments', progress = 40 WHERE id = $1`, [id])
    const running = await s.waitFor((e) => e.data?.task?.progress === 40)
    expect(running.data.task).toMatchObject({ status: 'RUNNING', stage: 'segments' })
    expect(s.ended()).toBe(false)
    const sentAt = Date.now()
    await sql(`UPDATE "ChoreographyTask" SET progress = 70, stage = 'joining' WHERE id = $1`, [id])
    const later = await s.waitFor((e) => e.data?.task?.progress === 70)
    expect(later.at - sentAt).toBeLessThan(2000)
    // Nothing changed, nothing sent: one event per state.
    expect(s.events.filter((e) => e.data?.task?.progress === 40)).toHaveLength(1)

    expect((await api('POST', `/api/choreographies/${id}/cancel`, { token })).status).toBe(200)
    const cancelled = await s.waitFor((e) => e.data?.task?.status === 'CANCELLED')
    expect(cancelled.data.task.progress).toBe(70)
    await s.reading
    expect(s.ended()).toBe(true)
  })

  it('a finished task sends its state once and ends at once', async () => {
    const { accessToken: token } = await registerAndSignIn('sse-done')
    const id = await queuedTask(token)
    expect((await api('POST', `/api/choreographies/${id}/cancel`, { token })).status).toBe(200)
    const s = await openStream(`/api/choreographies/${id}/events`, token)
    await s.reading
    expect(s.events.map((e) => [e.event, e.data.task.status])).toEqual([['task', 'CANCELLED']])
  })

  it('is the same JSON 404 for a stranger and a missing id, and 401 signed out, before any stream starts', async () => {
    const owner = await registerAndSignIn('sse-a')
    const stranger = await registerAndSignIn('sse-b')
    const id = await queuedTask(owner.accessToken)
    const theirs = await api('GET', `/api/choreographies/${id}/events`, { token: stranger.accessToken })
    const missing = await api('GET', '/api/choreographies/nosuchtask000/events', { token: stranger.accessToken })
    expectErrorShape(theirs, 404)
    expectErrorShape(missing, 404)
    expect(theirs.body.error.message).toBe(missing.body.error.message)
    expectErrorShape(await api('GET', `/api/choreographies/${id}/events`), 401)
    expectErrorShape(await api('GET', `/api/choreographies/${'x'.repeat(65)}/events`, { token: owner.accessToken }), 422)
    await api('POST', `/api/choreographies/${id}/cancel`, { token: owner.accessToken })
  })

  it('says the task is gone and ends when it is deleted while watched', async () => {
    const { accessToken: token } = await registerAndSignIn('sse-gone')
    const id = await queuedTask(token)
    const s = await openStream(`/api/choreographies/${id}/events`, token)
    await s.waitFor((e) => e.event === 'task')
    expect((await api('DELETE', `/api/choreographies/${id}`, { token })).status).toBe(200)
    await s.waitFor((e) => e.event === 'gone')
    await s.reading
    expect(s.ended()).toBe(true)
  })
})
