import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/prisma/demo-accounts'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { migrateDatabase, seedDatabase } from '@/scripts/lib/prepare-database'
import { demoSongMp3, FaultClient, sleep, songForm, sqlOn, tally, type Exchange } from './fault-load'
import { startPrivatePostgres, type PrivatePostgres } from './start-private-postgres'

/**
 * PostgreSQL stopped for ~5 s and started again under a steady mix of requests, on a server
 * and an app instance of this test's own (the shared server keeps running for every other
 * test). What a client must see: a fast JSON 503 with Retry-After while the database is
 * gone, 2xx again within seconds of its return without the app being restarted, and every
 * choreography it asked for (retrying with one Idempotency-Key) created exactly once.
 */
const READERS = 3
const CREATORS = 2
const OUTAGE_MS = 5000
/** No answer may take longer: a hang is the failure this test exists to catch. */
const SLOW_MS = 5000

let db: PrivatePostgres
let app: RunningApp
let dataDir: string
let client: FaultClient
const tokens: string[] = []
const taskIds: string[] = []
let songId: string

beforeAll(async () => {
  db = await startPrivatePostgres()
  await migrateDatabase(db.url)
  await seedDatabase(db.url)
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fault-pg-data-'))
  app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: db.url, AUTH_SECRET: process.env.AUTH_SECRET ?? `fault-secret-${'x'.repeat(32)}`, DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Tasks stay queued (no worker here) and clients retry: neither the render quota nor the
    // per-user create limit may answer for the database (both are tested elsewhere).
    USER_CONCURRENT_RENDERS: '1000', RATE_LIMIT_DISABLED: '1',
  } })
  client = new FaultClient(app.url)
  // One public song (the demo instructor's) that every client can choreograph.
  const instructor = DEMO_ACCOUNTS.find((a) => a.role === 'INSTRUCTOR')!
  const staff = await client.signIn(instructor.email, DEMO_PASSWORD)
  const up = await client.call('setup', 'POST', '/api/songs', { token: staff, form: songForm(await demoSongMp3(), { title: 'Outage song', visibility: 'PUBLIC' }) })
  expect(up.status, JSON.stringify(up.body)).toBe(202)
  songId = up.body.song.id
  await client.untilAnalysed(staff, songId)
  for (let i = 0; i < READERS + CREATORS; i++) {
    const token = await client.newUser(`pg-fault-${i}`)
    tokens.push(token)
    const task = await client.call('setup', 'POST', '/api/choreographies', { token, json: { songId, params: { durationSeconds: 20 }, seed: i } })
    expect(task.status, JSON.stringify(task.body)).toBe(202)
    taskIds.push(task.body.id)
  }
}, 180_000)

afterAll(async () => {
  await app?.stop()
  await db?.destroy()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

const sql = <T>(text: string, values: unknown[] = []) => sqlOn<T>(db.url, text, values)

describe('PostgreSQL restarted under load', () => {
  it('answers 503 fast while it is down, recovers by itself, and loses or doubles no choreography', async () => {
    let running = true
    const keys: string[] = []
    const readerLoop = async (i: number) => {
      for (let n = 0; running; n++) {
        if (n % 2) await client.call('moves', 'GET', `/api/moves?q=${['turn', 'romantic', 'basic', 'dip'][n % 4]}`, { token: tokens[i] })
        else await client.call('status', 'GET', `/api/choreographies/${taskIds[i]}/status`, { token: tokens[i] })
        await sleep(50)
      }
    }
    // A client that wants its choreography: the same key again until a 2xx says it exists.
    const creatorLoop = async (i: number) => {
      const token = tokens[READERS + i]
      for (let n = 0; running; n++) {
        const key = `fault-pg-${i}-${n}-${Date.now()}`
        keys.push(key)
        const deadline = Date.now() + 30_000
        for (;;) {
          const res = await client.call('create', 'POST', '/api/choreographies', {
            token, json: { songId, params: { durationSeconds: 20 }, seed: n }, headers: { 'idempotency-key': key },
          })
          if (res.status >= 200 && res.status < 300) break
          if (Date.now() > deadline) throw new Error(`create ${key} never succeeded; last ${res.status}`)
          // Retry-After says 5 s; a test client comes back sooner, so recovery is seen as it happens.
          await sleep(250)
        }
        await sleep(200)
      }
    }
    const loops = [
      ...Array.from({ length: READERS }, (_, i) => readerLoop(i)),
      ...Array.from({ length: CREATORS }, (_, i) => creatorLoop(i)),
    ]

    await sleep(3000)
    const stopping = Date.now()
    await db.stop()
    const down = Date.now()
    await sleep(OUTAGE_MS)
    const starting = Date.now()
    await db.start()
    const up = Date.now()
    // Recovered: every kind of request has been answered 2xx after the database came back.
    let recoveredAt = 0
    while (Date.now() - up < 30_000) {
      const after = client.log.filter((e) => e.started >= up && e.status >= 200 && e.status < 300)
      if (['status', 'moves', 'create'].every((k) => after.some((e) => e.kind === k))) {
        recoveredAt = Math.max(...['status', 'moves', 'create'].map((k) => Math.min(...after.filter((e) => e.kind === k).map((e) => e.ended))))
        break
      }
      await sleep(100)
    }
    await sleep(3000)
    running = false
    await Promise.all(loops)

    const load = client.log.filter((e) => e.kind !== 'setup')
    const outage = load.filter((e) => e.started >= down && e.ended <= starting)
    const summary = {
      requests: load.length, creates: keys.length, outageAnswers: outage.length,
      stopMs: down - stopping, startMs: up - starting, recoveryMs: recoveredAt ? recoveredAt - up : null,
      slowest: Math.max(...load.map((e) => e.ended - e.started)), tally: tally(load),
    }
    console.log(`[fault-postgres] ${JSON.stringify(summary)}`)

    // Nothing hung, nothing was a 500, nothing went unanswered.
    const slow = load.filter((e) => e.ended - e.started > SLOW_MS)
    expect(slow.map((e) => `${e.kind} ${e.status} ${e.ended - e.started} ms`)).toEqual([])
    const bad = load.filter((e) => ![200, 202, 503].includes(e.status))
    // A 500's cause is in the app's log only (level 50 = error): shown with the failure.
    const errors = app.output().split('\n').filter((l) => l.includes('"level":50')).join('\n')
    expect(bad.map((e) => `${e.kind} ${e.status} ${JSON.stringify(e.body)}`), errors).toEqual([])
    // While it was down: every answer a JSON 503 that says when to come back.
    expect(outage.length).toBeGreaterThan(20)
    const notUnavailable = (e: Exchange) => e.status !== 503 || e.code !== 'unavailable' || !e.retryAfter || !e.contentType?.includes('application/json')
    expect(outage.filter(notUnavailable).map((e) => `${e.kind} ${e.status} ${e.retryAfter} ${JSON.stringify(e.body)}`)).toEqual([])
    expect(new Set(outage.map((e) => e.kind))).toEqual(new Set(['status', 'moves', 'create']))
    // Back by itself, every kind of request.
    expect(recoveredAt, 'no 2xx for every kind of request within 30 s of the restart').toBeGreaterThan(0)
    expect(app.process.exitCode).toBeNull()

    // Every key the clients used has exactly one task, with its blueprint; nothing else was made.
    const rows = await sql<{ idempotencyKey: string; n: number }>(
      `SELECT "idempotencyKey", count(*)::int AS n FROM "ChoreographyTask" WHERE "idempotencyKey" = ANY($1) GROUP BY 1`, [keys])
    expect(rows.length).toBe(keys.length)
    expect(rows.filter((r) => r.n !== 1)).toEqual([])
    const [{ tasks }] = await sql<{ tasks: number }>('SELECT count(*)::int AS tasks FROM "ChoreographyTask"')
    expect(tasks).toBe(keys.length + taskIds.length)
    const [{ bare }] = await sql<{ bare: number }>(
      'SELECT count(*)::int AS bare FROM "ChoreographyTask" t WHERE NOT EXISTS (SELECT 1 FROM "Blueprint" b WHERE b."taskId" = t.id)')
    expect(bare).toBe(0)
    // A task whose enqueue failed is re-enqueued by the worker's reconciler (not running here): count them, for the report.
    const [{ unqueued }] = await sql<{ unqueued: number }>(
      `SELECT count(*)::int AS unqueued FROM "ChoreographyTask" t WHERE NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.data->>'taskId' = t.id)`)
    console.log(`[fault-postgres] tasks ${tasks}, without a render job (left to the reconciler): ${unqueued}`)
  }, 120_000)
})
