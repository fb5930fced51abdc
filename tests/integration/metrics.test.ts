import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { DEMO_SONG_SPECS } from '@/scripts/demo/songs/demo-song-spec'
import { writeDemoSongs } from '@/scripts/demo/songs/write-demo-songs'
import { api, expectErrorShape, registerAndSignIn, uniqueEmail, waitForSongAnalysis } from './http'

// An instance with a metrics token; the suite's main instance has none (its endpoint is a 404).
const TOKEN = 'metrics-test-token-' + 'm'.repeat(16)
let app: RunningApp
beforeAll(async () => {
  app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: process.env.AUTH_SECRET!, DATA_DIR: process.env.DATA_DIR!,
    LOG_LEVEL: 'silent', METRICS_TOKEN: TOKEN,
  } })
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

async function scrape(): Promise<string> {
  const res = await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return res.text()
}

/** One sample's value from the Prometheus text, its labels given in any order; 0 if absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    const m = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line)
    if (!m || m[1] !== name) continue
    const got = Object.fromEntries([...m[2].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]))
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3])
  }
  return 0
}

describe('GET /api/metrics', () => {
  it('does not exist where no token is configured (the main instance): JSON 404', async () => {
    expectErrorShape(await api('GET', '/api/metrics', { token: TOKEN }), 404)
  })

  it('refuses a missing or wrong token with a JSON 401', async () => {
    const cases: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: `Bearer ${TOKEN}-` }]
    for (const headers of cases) {
      const res = await fetch(`${app.url}/api/metrics`, { headers })
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('unauthenticated')
    }
  })

  it('counts requests and their latency by route pattern and status, never by raw path', async () => {
    const labels = { method: 'GET', route: '/api/choreographies/[id]/status', status: '401' }
    const before = await scrape()
    const ids = ['cmetricsidaaaa1', 'cmetricsidbbbb2', 'cmetricsidcccc3']
    for (const id of ids) expect((await fetch(`${app.url}/api/choreographies/${id}/status`)).status).toBe(401)
    const after = await scrape()
    expect(sample(after, 'bachata_http_requests_total', labels) - sample(before, 'bachata_http_requests_total', labels)).toBe(3)
    expect(sample(after, 'bachata_http_request_duration_seconds_count', labels)
      - sample(before, 'bachata_http_request_duration_seconds_count', labels)).toBe(3)
    for (const id of ids) expect(after).not.toContain(id)
    // The scrape itself is counted under its own route.
    expect(sample(after, 'bachata_http_requests_total', { method: 'GET', route: '/api/metrics', status: '200' })).toBeGreaterThanOrEqual(1)
  })

  it('counts rate-limit rejections by limit', async () => {
    // Sign-in has two limits (per address and account, per address): count both.
    const rejections = (text: string) => ['login', 'login-address']
      .reduce((n, limit) => n + sample(text, 'bachata_rate_limit_rejections_total', { limit }), 0)
    const before = rejections(await scrape())
    const email = uniqueEmail('metrics-limit')
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${app.url}/api/auth/token`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'wrong-password-123' }),
      })
      statuses.push(res.status)
    }
    const refused = statuses.filter((s) => s === 429).length
    expect(refused).toBeGreaterThan(0)
    expect(rejections(await scrape()) - before).toBe(refused)
  })

  it('reports the render queue from the task rows', async () => {
    const text = await scrape()
    for (const status of ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']) {
      expect(text).toMatch(new RegExp(`^bachata_tasks\\{status="${status}"\\} \\d+$`, 'm'))
    }
    expect(text).toContain('# TYPE bachata_render_duration_seconds histogram')
  })

  it('counts the beat analyses it runs; readers of a song analysed by an older version share one re-analysis', async () => {
    const analyses = async () => sample(await scrape(), 'bachata_song_analyses_total', { outcome: 'ok' })
    const [song] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[1]], mp3: false })
    // Its own bitrate: content nobody else in the suite uploads, so this instance analyses it.
    await mkdir('.data/test-fixtures', { recursive: true })
    const file = path.join('.data/test-fixtures', 'metrics-104k.mp3')
    await runFfmpeg(['-y', '-i', song.wav, '-c:a', 'libmp3lame', '-b:a', '104k', file], { timeout: 60_000 })
    const user = await registerAndSignIn('metrics-analyses')
    const auth = { authorization: `Bearer ${user.accessToken}` }
    const before = await analyses()
    const form = new FormData()
    form.append('title', 'Counted analysis')
    form.append('file', new Blob([new Uint8Array(await readFile(file))]), 'metrics.mp3')
    const uploaded = await fetch(`${app.url}/api/songs`, { method: 'POST', headers: auth, body: form })
    const body = await uploaded.json() as { song: { id: string } }
    expect(uploaded.status, JSON.stringify(body)).toBe(202)
    const id = body.song.id
    expect((await waitForSongAnalysis(user.accessToken, id, app.url)).analysisStatus).toBe('ready')
    expect(await analyses()).toBe(before + 1)

    // As after a deploy that bumped ANALYSIS_VERSION: the stored result is old, none cached.
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await db.connect()
    try {
      const { rows } = await db.query('UPDATE "Song" SET "analysisVersion" = 0 WHERE id = $1 RETURNING "contentHash"', [id])
      await db.query('DELETE FROM "AudioAnalysis" WHERE "contentHash" = $1', [rows[0].contentHash])
    } finally {
      await db.end()
    }
    const reads = await Promise.all(Array.from({ length: 5 }, () => fetch(`${app.url}/api/songs/${id}`, { headers: auth })))
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    expect(await analyses()).toBe(before + 2)
    expect((await fetch(`${app.url}/api/songs/${id}`, { headers: auth })).status).toBe(200)
    expect(await analyses()).toBe(before + 2)
  })
})
