import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { refreshSongAnalysis } from '@/lib/services/songs/refresh-song-analysis'
import { disconnectDb, getDb } from '@/lib/shared/db'
import { api, expectErrorShape, registerAndSignIn, signInDemo, uploadSong } from './http'

/** Instructor corrections over HTTP (issue 10 item 5) and hostile uploads. */
const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
const dir = '.data/test-fixtures'
let mp3: Buffer
let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let other: Awaited<ReturnType<typeof registerAndSignIn>>

async function encode(name: string, args: string[]): Promise<Buffer> {
  const file = path.join(dir, name)
  await runFfmpeg(['-y', ...args, file], { timeout: 120_000 })
  return readFile(file)
}

beforeAll(async () => {
  await db.connect()
  const [song] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: false })
  await mkdir(dir, { recursive: true })
  // Its own encoding (104k): content no other test uploads, so its cache row is ours to age.
  mp3 = await encode('clasica-104k.mp3', ['-i', song.wav, '-c:a', 'libmp3lame', '-b:a', '104k'])
  owner = await registerAndSignIn('corrections-owner')
  other = await registerAndSignIn('corrections-other')
}, 180_000)

afterAll(async () => { await db.end(); await disconnectDb() })

const storedAnalysis = async (id: string) => (await db.query('SELECT analysis FROM "Song" WHERE id = $1', [id])).rows[0].analysis

type Analysis = { beats: number[]; countOne: number[]; breaks: { start: number; end: number }[]; irregularities: unknown[]; warnings: string[] }
const patch = (token: string, id: string, json: unknown) => api('PATCH', `/api/songs/${id}/analysis`, { token, json })

describe('PATCH /api/songs/:id/analysis: corrections that persist', () => {
  it('count one from T moves every later count-one and nothing before; a pausa restarts the count; both survive a re-analysis; a later choreography uses them; reset goes back', async () => {
    const up = await uploadSong(owner.accessToken, mp3, { title: 'Correct me' })
    expect(up.status, JSON.stringify(up.body)).toBe(202)
    const s = up.body.song
    const auto: Analysis = s.analysis
    expect(auto.warnings).toEqual([])
    expect(s.corrections).toEqual([])
    const { beats } = auto
    const i = beats.indexOf(auto.countOne[6]) + 2
    const T = beats[i]

    const r1 = await patch(owner.accessToken, s.id, { kind: 'count-one-from', time: T + 0.03 })
    expect(r1.status, JSON.stringify(r1.body)).toBe(200)
    const a1: Analysis = r1.body.song.analysis
    expect(a1.countOne.filter((t) => t < T)).toEqual(auto.countOne.filter((t) => t < T))
    const later = a1.countOne.filter((t) => t >= T)
    expect(later[0]).toBe(T)
    for (const t of later) expect((beats.indexOf(t) - i) % 8).toBe(0)
    for (const t of auto.countOne.filter((x) => x > T)) expect(a1.countOne).not.toContain(t)
    expect(a1.irregularities).toContainEqual({ time: T, kind: 'restart', counts: -6 })

    const start = beats[i + 17], end = beats[i + 20]
    const r2 = await patch(owner.accessToken, s.id, { kind: 'break', start, end })
    expect(r2.status, JSON.stringify(r2.body)).toBe(200)
    const a2: Analysis = r2.body.song.analysis
    expect(a2.breaks).toContainEqual({ start, end })
    expect(a2.countOne).toContain(end)
    expect(r2.body.song.corrections).toEqual([{ kind: 'count-one-from', time: T + 0.03 }, { kind: 'break', start, end }])

    // A newer algorithm re-analyses the song from its file: the corrections are applied again.
    const hash = createHash('sha256').update(mp3).digest('hex')
    await db.query('UPDATE "Song" SET "analysisVersion" = 0, analysis = NULL WHERE id = $1', [s.id])
    await db.query('UPDATE "AudioAnalysis" SET version = 0 WHERE "contentHash" = $1', [hash])
    const again = await api('GET', `/api/songs/${s.id}`, { token: owner.accessToken })
    expect(again.status).toBe(200)
    expect(again.body.song.analysisVersion).toBe(s.analysisVersion)
    expect(again.body.song.analysis).toEqual(r2.body.song.analysis)
    expect((await db.query('SELECT version FROM "AudioAnalysis" WHERE "contentHash" = $1', [hash])).rows[0].version).toBe(s.analysisVersion)

    // Every choreography made later is built on the corrected grid.
    const made = await api('POST', '/api/choreographies', { token: owner.accessToken, json: { songId: s.id, params: { durationSeconds: 300 }, seed: 5 } })
    expect(made.status, JSON.stringify(made.body)).toBe(202)
    const task = (await api('GET', `/api/choreographies/${made.body.id}`, { token: owner.accessToken })).body.task
    const moves = (task.blueprint.moves as Array<{ songStart: number }>).filter((m) => m.songStart > T)
    expect(moves.length).toBeGreaterThan(3)
    for (const m of moves) expect(a2.countOne.some((t) => Math.abs(t - m.songStart) < 1e-3)).toBe(true)
    expect(moves.some((m) => auto.countOne.includes(m.songStart) && !a2.countOne.includes(m.songStart))).toBe(false)

    const reset = await api('DELETE', `/api/songs/${s.id}/analysis`, { token: owner.accessToken })
    expect(reset.status).toBe(200)
    expect(reset.body.song.corrections).toEqual([])
    expect(reset.body.song.analysis.countOne).toEqual(auto.countOne)
    const viaPatch = await patch(owner.accessToken, s.id, { reset: true })
    expect(viaPatch.status).toBe(200)
    expect(viaPatch.body.song.analysis.breaks).toEqual(auto.breaks)
  }, 180_000)

  it('a re-analysis that finishes after a correction made meanwhile does not write over it', async () => {
    const s = (await uploadSong(owner.accessToken, mp3, { title: 'Race me' })).body.song
    await db.query('UPDATE "Song" SET "analysisVersion" = 0 WHERE id = $1', [s.id])
    // What a second instance read when it began re-analysing this stale song.
    const seenByOther = await getDb().song.findUniqueOrThrow({ where: { id: s.id } })
    // Meanwhile a request here refreshes it and an instructor corrects the count.
    const T = s.analysis.beats[s.analysis.beats.indexOf(s.analysis.countOne[4]) + 2]
    const fixed = await patch(owner.accessToken, s.id, { kind: 'count-one-from', time: T })
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200)
    expect(fixed.body.song.analysis.countOne).toContain(T)
    // The other instance's refresh, started before the correction, finishes now.
    const late = await refreshSongAnalysis(seenByOther)
    expect(late.analysis).toEqual(await storedAnalysis(s.id))
    const now = await api('GET', `/api/songs/${s.id}/analysis`, { token: owner.accessToken })
    expect(now.body.analysis.countOne).toEqual(fixed.body.song.analysis.countOne)
    expect(now.body.corrections).toEqual([{ kind: 'count-one-from', time: T }])
  }, 120_000)

  it('rejects bad corrections with a 4xx JSON error', async () => {
    const s = (await uploadSong(owner.accessToken, mp3, { title: 'Validate me' })).body.song
    const bad = [
      { kind: 'count-one-from' },
      { kind: 'count-one-from', time: -1 },
      { kind: 'count-one-from', time: 'soon' },
      { kind: 'break', start: 20, end: 20 },
      { kind: 'break', start: 20, end: 10 },
      { kind: 'tempo', factor: 3 },
      { kind: 'stretch' },
      { reset: false },
      { kind: 'count-one-from', time: 10, extra: 1 },
    ]
    for (const body of bad) expectErrorShape(await patch(owner.accessToken, s.id, body), 422, 'validation_failed')
    const past = await patch(owner.accessToken, s.id, { kind: 'count-one-from', time: s.durationSeconds + 10 })
    expectErrorShape(past, 422)
    expect(past.body.error.fields.time).toBeDefined()
    expectErrorShape(await patch(owner.accessToken, s.id, { kind: 'break', start: 10, end: s.durationSeconds + 10 }), 422)
    // the list is bounded
    await db.query(`UPDATE "Song" SET "analysisCorrections" = $2::jsonb WHERE id = $1`, [s.id, JSON.stringify(Array(50).fill({ kind: 'relabel', sectionIndex: 0, label: 'intro' }))])
    const full = await patch(owner.accessToken, s.id, { kind: 'relabel', sectionIndex: 0, label: 'verse' })
    expectErrorShape(full, 422)
    expect(full.body.error.message).toMatch(/at most 50 corrections/)
    expect((await api('DELETE', `/api/songs/${s.id}/analysis`, { token: owner.accessToken })).body.song.corrections).toEqual([])
  }, 120_000)

  it('uploader, an instructor (public songs) and an admin may correct; others get 403 or 404', async () => {
    const instructor = await signInDemo('INSTRUCTOR')
    const admin = await signInDemo('ADMIN')
    const colleague = await registerAndSignIn('corrections-colleague')
    await db.query(`UPDATE "User" SET role = 'INSTRUCTOR' WHERE id = $1`, [colleague.userId])
    const pub = (await uploadSong(instructor.accessToken, mp3, { title: 'Public corrections', visibility: 'PUBLIC' })).body.song
    const priv = (await uploadSong(owner.accessToken, mp3, { title: 'Private corrections' })).body.song
    const t = pub.analysis.countOne[4] + 0.01
    const body = { kind: 'count-one-from', time: t }

    expect((await patch(instructor.accessToken, pub.id, body)).status).toBe(200)
    expect((await patch(colleague.accessToken, pub.id, body)).status).toBe(200)
    expect((await patch(admin.accessToken, pub.id, body)).status).toBe(200)
    expectErrorShape(await patch(other.accessToken, pub.id, body), 403)
    expectErrorShape(await api('DELETE', `/api/songs/${pub.id}/analysis`, { token: other.accessToken }), 403)

    expect((await patch(owner.accessToken, priv.id, body)).status).toBe(200)
    expect((await patch(admin.accessToken, priv.id, body)).status).toBe(200)
    expectErrorShape(await patch(other.accessToken, priv.id, body), 404)
    expectErrorShape(await patch(colleague.accessToken, priv.id, body), 404)
    expectErrorShape(await api('PATCH', `/api/songs/${priv.id}/analysis`, { json: body }), 401)
  }, 120_000)
})

describe('POST /api/songs: hostile audio gets a clear 4xx, never a 500 or a grid', () => {
  const expectRejected = async (file: Buffer, status: number, message: RegExp) => {
    const res = await uploadSong(owner.accessToken, file, { title: 'hostile' })
    expectErrorShape(res, status)
    expect(res.body.error.message).toMatch(message)
  }

  it('0-byte, truncated, a PNG renamed .mp3', async () => {
    await expectRejected(Buffer.alloc(0), 422, /empty|file/i)
    const png = await encode('hostile.png', ['-f', 'lavfi', '-i', 'color=c=red:s=64x64', '-frames:v', '1'])
    await expectRejected(png, 415, /audio/i)
    // Truncated: the first 2 KB (a header and a few frames), then the first few seconds.
    await expectRejected(mp3.subarray(0, 2000), 422, /too short|could not be decoded/)
    await expectRejected(mp3.subarray(0, Math.floor(mp3.length * 0.04)), 422, /too short.*minimum is 10 s/)
  }, 60_000)

  it('a 20-minute file names the 15-minute maximum', async () => {
    const long = await encode('hostile-20min.mp3', ['-f', 'lavfi', '-i', 'anullsrc=r=8000:cl=mono', '-t', '1200', '-c:a', 'libmp3lame', '-b:a', '8k'])
    await expectRejected(long, 422, /maximum is 15 min/)
  }, 120_000)

  it('silence and white noise: accepted, then failed with "No steady beat found"; no choreography, no correction; deletable', async () => {
    const files = [
      await encode('hostile-silence.mp3', ['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo', '-t', '30', '-c:a', 'libmp3lame']),
      await encode('hostile-noise.mp3', ['-f', 'lavfi', '-i', 'anoisesrc=r=44100:a=0.4:c=white:seed=3', '-t', '30', '-c:a', 'libmp3lame']),
    ]
    for (const file of files) {
      const res = await uploadSong(owner.accessToken, file, { title: 'no beat' })
      expect(res.status, JSON.stringify(res.body)).toBe(202)
      const s = res.body.song
      expect(s).toMatchObject({ analysisStatus: 'failed', analysisError: { code: 'validation_failed', message: 'No steady beat found in this audio' }, analysis: null })
      const choreo = await api('POST', '/api/choreographies', { token: owner.accessToken, json: { songId: s.id, params: { durationSeconds: 20 }, seed: 1 } })
      expectErrorShape(choreo, 422, 'song_analysis_failed')
      expect(choreo.body.error.message).toMatch(/No steady beat found/)
      expectErrorShape(await patch(owner.accessToken, s.id, { kind: 'shift', beats: 1 }), 422, 'song_analysis_failed')
      expect((await api('DELETE', `/api/songs/${s.id}`, { token: owner.accessToken })).status).toBe(200)
    }
  }, 120_000)
})
