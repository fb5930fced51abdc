import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The web app's side of a wake, against a real HTTP server on loopback playing the worker:
 * a polling worker's 202 ends it; a request-mode worker's answers say whether to wake again.
 */
const SECRET = 'wake-test-secret-0123456789'
let answers: { status: number; body: unknown }[] = []
const seen: { secret: string | undefined; at: number }[] = []
const server = http.createServer((req, res) => {
  seen.push({ secret: req.headers['x-worker-secret'] as string | undefined, at: Date.now() })
  const next = answers.shift() ?? { status: 202, body: { woken: true } }
  res.writeHead(next.status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(next.body))
})
let wakeWorker: typeof import('@/lib/services/render-jobs/wake-worker').wakeWorker

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  process.env.DATABASE_URL = 'postgresql://unused@127.0.0.1:9/unused'
  process.env.WORKER_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  process.env.WORKER_SECRET = SECRET
  ;({ wakeWorker } = await import('@/lib/services/render-jobs/wake-worker'))
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const run = async (list: typeof answers, pauseMs = 0) => {
  answers = list
  seen.length = 0
  const ok = await wakeWorker({ retryPauseMs: pauseMs })
  return { ok, calls: seen.length }
}

describe('wakeWorker', () => {
  it('sends the secret once to a polling worker (202)', async () => {
    expect(await run([{ status: 202, body: { woken: true } }])).toEqual({ ok: true, calls: 1 })
    expect(seen[0].secret).toBe(SECRET)
  })

  it('wakes a request-mode worker again while it says jobs remain, and stops when the queue is empty', async () => {
    const drained = (more: boolean, budgetSpent: boolean) => ({ status: 200, body: { processed: 1, more, budgetSpent } })
    expect(await run([drained(true, true), drained(true, true), drained(false, false)])).toEqual({ ok: true, calls: 3 })
    expect(await run([drained(false, false)])).toEqual({ ok: true, calls: 1 })
  })

  it('pauses before waking again when the jobs only wait for a retry delay', async () => {
    const waiting = { status: 200, body: { processed: 0, more: true, budgetSpent: false } }
    expect(await run([waiting, { status: 200, body: { processed: 1, more: false, budgetSpent: false } }], 300)).toEqual({ ok: true, calls: 2 })
    // A lower bound only (a timer never fires early), not a speed measurement.
    expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(290)
  })

  it('gives up after a bounded number of rounds, and reports a refused wake without throwing', async () => {
    const forever = Array.from({ length: 50 }, () => ({ status: 200, body: { processed: 1, more: true, budgetSpent: true } }))
    expect((await run(forever)).calls).toBe(20)
    expect(await run([{ status: 401, body: { error: { code: 'unauthenticated' } } }])).toEqual({ ok: false, calls: 1 })
  })
})
