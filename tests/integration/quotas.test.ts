import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { PASSWORD, uniqueEmail, waitForSongAnalysis } from './http'

/**
 * Per-user quotas over real HTTP, on an instance of their own with small limits: room for two
 * and a half songs, two renders in flight. No worker serves it, so tasks stay QUEUED until
 * cancelled. Rate limits are off there, so a 429 can only be the render quota.
 *
 * The races are forced, not hoped for: while parallel requests run, the test holds a lock that
 * stops every INSERT into the quota's table (not reads) until each request's transaction waits
 * on a lock. Without the per-user advisory lock every request has counted by then and all of
 * them insert (each saw the same room); with it, one waits at its insert and the rest at the
 * advisory lock, so they count one after another.
 */
const RENDERS = 2
const PARALLEL = 6
/** The instance's database sessions carry this name, so the barrier counts only them. */
const APP_NAME = `bb-quota-test-${process.pid}`
let app: RunningApp
let song: Buffer
beforeAll(async () => {
  const [demo] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: true })
  song = await readFile(demo.mp3!)
  const dbUrl = new URL(process.env.DATABASE_URL!)
  dbUrl.searchParams.set('application_name', APP_NAME)
  app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: dbUrl.toString(), AUTH_SECRET: process.env.AUTH_SECRET!, DATA_DIR: process.env.DATA_DIR!,
    LOG_LEVEL: 'silent', RATE_LIMIT_DISABLED: '1',
    USER_STORAGE_QUOTA_BYTES: String(Math.floor(song.length * 2.5)), USER_CONCURRENT_RENDERS: String(RENDERS),
  } })
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${app.url}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, body: await res.json().catch(() => null) }
}

async function newUser(tag: string, role: 'USER' | 'INSTRUCTOR' = 'USER') {
  const email = uniqueEmail(tag)
  const reg = await fetch(`${app.url}/api/auth/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, name: tag }),
  })
  expect(reg.status).toBe(201)
  const userId = (await reg.json()).user.id as string
  if (role !== 'USER') await sql('UPDATE "User" SET role = $1 WHERE id = $2', [role, userId])
  const tok = await fetch(`${app.url}/api/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
  })
  return { token: (await tok.json()).accessToken as string, userId }
}

async function sql(text: string, values: unknown[]) {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  try {
    return (await db.query(text, values)).rows
  } finally {
    await db.end()
  }
}

/**
 * Runs `requests` while INSERTs into `table` are held back, until `expected` of the instance's
 * transactions wait on a lock (or a minute passes); then lets them go. Returns the answers and
 * how many were seen waiting, which tells whether the race was really forced.
 */
async function raceAtInsert<T>(table: string, expected: number, requests: () => Promise<T>): Promise<{ results: T; waiting: number }> {
  const holder = new pg.Client({ connectionString: process.env.DATABASE_URL })
  const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await Promise.all([holder.connect(), watcher.connect()])
  let waiting = 0
  try {
    await holder.query('BEGIN')
    // Blocks INSERT, UPDATE and DELETE on the table; SELECT (the quota's count) goes on.
    await holder.query(`LOCK TABLE "${table}" IN SHARE ROW EXCLUSIVE MODE`)
    const pending = requests()
    pending.catch(() => {}) // awaited below; the barrier is released first either way
    try {
      for (const deadline = Date.now() + 60_000; Date.now() < deadline && waiting < expected;) {
        await new Promise((r) => setTimeout(r, 50))
        waiting = (await watcher.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [APP_NAME],
        )).rows[0].n
      }
    } finally {
      await holder.query('COMMIT')
    }
    return { results: await pending, waiting }
  } finally {
    await Promise.all([holder.end(), watcher.end()])
  }
}

const upload = (token: string, title: string) => {
  const form = new FormData()
  form.append('title', title)
  form.append('file', new Blob([new Uint8Array(song)], { type: 'audio/mpeg' }), 'song.mp3')
  return call('POST', '/api/songs', token, form)
}
const create = (token: string, songId: string, seed: number) =>
  call('POST', '/api/choreographies', token, { songId, params: { durationSeconds: 20 }, seed })

describe('storage quota', () => {
  it('refuses the upload that would pass it with a 413 naming the quota; parallel uploads cannot both take the last room', async () => {
    const { token, userId } = await newUser('storage-quota')
    expect((await upload(token, 'first')).status).toBe(202) // its analysis then caches for the same content
    // Room for one and a half more: of six at once, all past the first check, exactly one gets in.
    const { results, waiting } = await raceAtInsert('Song', PARALLEL,
      () => Promise.all(Array.from({ length: PARALLEL }, (_, i) => upload(token, `parallel ${i}`))))
    expect(waiting, 'every upload reached its transaction while inserts were held').toBe(PARALLEL)
    expect(results.map((r) => r.status).sort()).toEqual([202, ...Array(PARALLEL - 1).fill(413)])
    const refused = results.find((r) => r.status === 413)!
    expect(refused.body.error.code).toBe('storage_quota_exceeded')
    expect(refused.body.error.message).toMatch(/storage quota of \d+\.\d MiB/)
    // The refused uploads left no row behind: two songs, within the quota.
    const [row] = await sql('SELECT count(*)::int AS n, sum("sizeBytes")::int AS bytes FROM "Song" WHERE "uploadedById" = $1', [userId])
    expect(row).toEqual({ n: 2, bytes: 2 * song.length })
  }, 120_000)

  it('gives staff ten times the room', async () => {
    const { token } = await newUser('storage-staff', 'INSTRUCTOR')
    for (let i = 0; i < 4; i++) expect((await upload(token, `staff ${i}`)).status).toBe(202)
  }, 120_000)
})

describe('concurrent render quota', () => {
  let token: string
  let userId: string
  let songId: string
  beforeAll(async () => {
    ;({ token, userId } = await newUser('render-quota'))
    const up = await upload(token, 'render quota song')
    expect(up.status).toBe(202)
    songId = up.body.song.id
    expect((await waitForSongAnalysis(token, songId, app.url)).analysisStatus).toBe('ready')
  }, 120_000)

  it('lets exactly the quota through when requests race, then 429 with the limit named', async () => {
    const { results, waiting } = await raceAtInsert('ChoreographyTask', PARALLEL,
      () => Promise.all(Array.from({ length: PARALLEL }, (_, i) => create(token, songId, i + 1))))
    expect(waiting, 'every create reached its transaction while inserts were held').toBe(PARALLEL)
    expect(results.map((r) => r.status).sort()).toEqual([202, 202, ...Array(PARALLEL - RENDERS).fill(429)])
    const [row] = await sql(`SELECT count(*)::int AS n FROM "ChoreographyTask" WHERE "ownerId" = $1 AND status = 'QUEUED'`, [userId])
    expect(row.n, 'tasks written: exactly the quota').toBe(RENDERS)
    const refused = results.find((r) => r.status === 429)!
    expect(refused.body.error.code).toBe('render_quota_exceeded')
    expect(refused.body.error.message).toContain(`(${RENDERS})`)
    expect(refused.headers.get('retry-after')).toBe('30')
  }, 120_000)

  it('a cancelled render frees its slot; re-queueing a finished one needs a free slot too', async () => {
    const list = await call('GET', '/api/choreographies', token)
    const queued = (list.body.items as { id: string; status: string }[]).filter((t) => t.status === 'QUEUED')
    expect(queued).toHaveLength(RENDERS)
    expect((await call('POST', `/api/choreographies/${queued[0].id}/cancel`, token)).status).toBe(200)
    expect((await create(token, songId, 7)).status).toBe(202)
    expect((await create(token, songId, 8)).status).toBe(429)
    // Regenerating a move of the cancelled one would queue a third render.
    const again = await call('POST', `/api/choreographies/${queued[0].id}/moves/0/regenerate`, token)
    expect(again.status, JSON.stringify(again.body)).toBe(429)
    // A queued one is already counted: changing its move is allowed.
    expect((await call('POST', `/api/choreographies/${queued[1].id}/moves/0/regenerate`, token)).status).toBe(200)
  }, 120_000)

  it('gives staff ten times the renders', async () => {
    const { token: staff } = await newUser('render-staff', 'INSTRUCTOR')
    const up = await upload(staff, 'staff render song')
    expect(up.status).toBe(202)
    expect((await waitForSongAnalysis(staff, up.body.song.id, app.url)).analysisStatus).toBe('ready')
    for (let seed = 1; seed <= RENDERS + 2; seed++) expect((await create(staff, up.body.song.id, seed)).status).toBe(202)
  }, 120_000)
})
