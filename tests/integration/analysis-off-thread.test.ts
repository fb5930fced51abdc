import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { disconnectDb } from '@/lib/shared/db'
import { claimStaleAnalyses } from '@/lib/services/songs/sweep-song-analyses'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { makeClipWithMusic } from '@/tests/fixtures/clip-with-music'
import { api, registerAndSignIn, signInDemo, uploadSong, waitForSongAnalysis } from './http'

// Song analysis runs in worker threads, after the upload has answered: while a 15-minute
// upload is being analysed the server goes on answering. An instance of its own, logging at
// info, so the test can see from its log when an analysis starts and finishes; one analysis
// at a time. Before it starts, a song is left ANALYSING under an expired lease, as an instance
// that exited mid-analysis leaves it: the fresh instance picks it up.
const FIX = '.data/test-fixtures/analysis-off-thread'
let app: RunningApp
let token: string
const log: Array<{ msg: string }> = []
let orphan: { id: string; bpm: number; contentHash: string }

/** Seconds of silence as FLAC (tiny to send, the full analysis to run: the attack). */
async function silence(seconds: number): Promise<Buffer> {
  const file = path.join(FIX, `silence-${seconds}.flac`)
  if (!existsSync(file)) {
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono', '-t', String(seconds), '-c:a', 'flac', file], { timeout: 120_000 })
  }
  return readFile(file)
}

/** A demo song played over and over for just under 15 minutes: a long analysis that ends with a grid. */
async function fifteenMinuteSong(): Promise<Buffer> {
  const file = path.join(FIX, 'clasica-894s.mp3')
  if (!existsSync(file)) {
    const [song] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: false })
    await runFfmpeg(['-y', '-stream_loop', '-1', '-i', song.wav, '-t', '894', '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '64k', file], { timeout: 240_000 })
  }
  return readFile(file)
}

function upload(file: Buffer, title: string, ext = 'flac') {
  const form = new FormData()
  form.append('title', title)
  form.append('file', new Blob([new Uint8Array(file)]), `${title}.${ext}`)
  return fetch(`${app.url}/api/songs`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
}

const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await db.query(text, values)).rows as T[]

const seen = (msg: string) => log.filter((l) => l.msg === msg).length

async function until(check: () => boolean) {
  while (!check()) await new Promise((r) => setTimeout(r, 20))
}

/** A song (analysed by the suite's own server), put back as an exited instance leaves it. */
async function leaveOrphan(): Promise<typeof orphan> {
  const [song] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: false })
  const file = path.join(FIX, 'clasica-104k.mp3')
  await runFfmpeg(['-y', '-i', song.wav, '-c:a', 'libmp3lame', '-b:a', '104k', file], { timeout: 60_000 })
  const up = await uploadSong(token, await readFile(file), { title: 'Orphaned analysis' })
  expect(up.body.song?.analysisStatus, JSON.stringify(up.body)).toBe('ready')
  const [row] = await sql<{ contentHash: string }>('SELECT "contentHash" FROM "Song" WHERE id = $1', [up.body.song.id])
  // No cached result either: the analysis has to run again, from the stored file.
  await sql('DELETE FROM "AudioAnalysis" WHERE "contentHash" = $1', [row.contentHash])
  await sql(`UPDATE "Song" SET "analysisStatus" = 'ANALYSING', analysis = NULL, bpm = NULL, "analysisVersion" = NULL,
    "analysisLeaseUntil" = now() - interval '10 minutes', "analysisAttempts" = 1 WHERE id = $1`, [up.body.song.id])
  return { id: up.body.song.id, bpm: up.body.song.bpm, contentHash: row.contentHash }
}

beforeAll(async () => {
  await mkdir(FIX, { recursive: true })
  await db.connect()
  token = (await registerAndSignIn('off-thread')).accessToken
  orphan = await leaveOrphan()
  app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: process.env.AUTH_SECRET!, DATA_DIR: process.env.DATA_DIR!,
    LOG_LEVEL: 'info', ANALYSIS_CONCURRENCY: '1', RATE_LIMIT_DISABLED: '1',
  } })
  let partial = ''
  app.process.stdout!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n')
    partial = lines.pop()!
    for (const line of lines) {
      try {
        const { msg } = JSON.parse(line) as { msg?: string }
        if (msg?.startsWith('song analysis') || msg?.startsWith('clip analysis')) log.push({ msg })
      } catch {
        // not a JSON log line (next's own banner)
      }
    }
  })
}, 400_000)
afterAll(async () => {
  await app?.stop()
  await db.end()
  await disconnectDb()
})

describe('an analysis interrupted by a process exit', () => {
  it('a song left ANALYSING under an expired lease is claimed once and analysed by a fresh instance', async () => {
    const done = await waitForSongAnalysis(token, orphan.id, app.url)
    expect(done).toMatchObject({ analysisStatus: 'ready', analysisError: null })
    const [row] = await sql<{ bpm: number; analysisAttempts: number; analysisLeaseUntil: Date | null }>(
      'SELECT bpm, "analysisAttempts", "analysisLeaseUntil" FROM "Song" WHERE id = $1', [orphan.id])
    // Claimed exactly once more (two instances would have counted two), lease let go.
    expect(row).toMatchObject({ analysisAttempts: 2, analysisLeaseUntil: null })
    expect(row.bpm).toBeCloseTo(orphan.bpm, 3)
    expect((await sql('SELECT 1 FROM "AudioAnalysis" WHERE "contentHash" = $1', [orphan.contentHash])).length).toBe(1)
  }, 180_000)

  it('claims race: of concurrent sweeps each stale row goes to one, a live lease to none', async () => {
    const ids = ['claim-race-1', 'claim-race-2', 'claim-race-3', 'claim-race-live']
    for (const id of ids) {
      await sql(`INSERT INTO "Song" (id, title, "storageKey", "contentHash", "analysisStatus", "analysisLeaseUntil", "analysisAttempts", "updatedAt")
        SELECT $1, 'claim race', "storageKey", "contentHash", 'ANALYSING', now() + ($2 || ' minutes')::interval, 1, now() FROM "Song" WHERE id = $3`,
      [id, id.endsWith('live') ? '10' : '-10', orphan.id])
    }
    try {
      const claimed = (await Promise.all([1, 2, 3, 4].map(() => claimStaleAnalyses(10)))).flat().filter((id) => ids.includes(id))
      expect(new Set(claimed).size).toBe(claimed.length)
      expect(claimed).not.toContain('claim-race-live')
      const rows = await sql<{ id: string; analysisAttempts: number }>('SELECT id, "analysisAttempts" FROM "Song" WHERE id = ANY($1) ORDER BY id', [ids])
      // Whoever took them (these claimers or an instance's sweep), each was taken once.
      expect(rows.map((r) => r.analysisAttempts)).toEqual([2, 2, 2, 1])
    } finally {
      await sql('DELETE FROM "Song" WHERE id = ANY($1)', [ids])
    }
  })
})

describe('song analysis off the request thread', () => {
  it('a 15-minute upload answers `analysing` at once; /api/health answers while it runs; then it is ready', async () => {
    const file = await fifteenMinuteSong()
    log.length = 0
    const res = await upload(file, 'fifteen-minutes', 'mp3')
    const body = await res.json() as { song: { id: string; analysisStatus: string } }
    expect(res.status, JSON.stringify(body)).toBe(202)
    expect(body.song.analysisStatus).toBe('analysing')
    await until(() => seen('song analysis started') === 1)
    const during: boolean[] = []
    for (let i = 0; i < 3; i++) {
      const health = await fetch(`${app.url}/api/health`)
      expect(health.status).toBe(200)
      // Answered while the analysis was still running.
      during.push(seen('song analysis finished') === 0)
    }
    expect(during).toEqual([true, true, true])
    expect(await waitForSongAnalysis(token, body.song.id, app.url)).toMatchObject({ analysisStatus: 'ready' })
    const song = (await api('GET', `/api/songs/${body.song.id}`, { token })).body.song
    expect(song.bpm).toBeGreaterThan(128 * 0.97)
    expect(song.bpm).toBeLessThan(128 * 1.03)
    expect(song.durationSeconds).toBeGreaterThan(890)
  }, 400_000)

  it('at most ANALYSIS_CONCURRENCY (here 1) run at once; silence ends failed: "No steady beat"', async () => {
    const [a, b] = await Promise.all([silence(120), silence(180)])
    log.length = 0
    const results = await Promise.all([upload(a, 'two-minutes'), upload(b, 'three-minutes')])
    expect(results.map((r) => r.status)).toEqual([202, 202])
    const songs = await Promise.all(results.map(async (r) => ((await r.json()) as { song: { id: string } }).song.id))
    for (const id of songs) {
      expect(await waitForSongAnalysis(token, id, app.url)).toEqual({
        songId: id, analysisStatus: 'failed', analysisError: { code: 'validation_failed', message: 'No steady beat found in this audio' },
      })
    }
    expect(log.map((l) => l.msg)).toEqual([
      'song analysis started', 'song analysis finished', 'song analysis started', 'song analysis finished',
    ])
  }, 300_000)

  it('clip timing runs in the same pool, under the same limit: a clip sent during a song analysis waits its turn', async () => {
    const [clip, song, instructor] = await Promise.all([makeClipWithMusic(FIX, { bpm: 120 }), silence(300), signInDemo('INSTRUCTOR')])
    log.length = 0
    expect((await upload(song, 'five-minutes')).status).toBe(202)
    await until(() => seen('song analysis started') === 1)
    const form = new FormData()
    form.append('clip', new Blob([new Uint8Array(await readFile(clip.file))]), 'clip.mp4')
    const res = await fetch(`${app.url}/api/moves/clip-timing`, { method: 'POST', headers: { authorization: `Bearer ${instructor.accessToken}` }, body: form })
    const timing = await res.json() as { audio: boolean; bpm: number }
    expect(res.status, JSON.stringify(timing)).toBe(200)
    expect(Math.abs(timing.bpm - clip.bpm) / clip.bpm).toBeLessThan(0.02)
    await until(() => seen('clip analysis finished') === 1)
    expect(log.map((l) => l.msg)).toEqual(['song analysis started', 'song analysis finished', 'clip analysis started', 'clip analysis finished'])
  }, 300_000)
})
