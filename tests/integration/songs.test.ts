import { createHash } from 'node:crypto'
import { readFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { api, expectErrorShape, BASE_URL, registerAndSignIn, signInDemo, uploadSong } from './http'

const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
let mp3: Buffer
let shortMp3: Buffer
let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let other: Awaited<ReturnType<typeof registerAndSignIn>>

const upload = uploadSong

beforeAll(async () => {
  await db.connect()
  const [song] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: false })
  const dir = '.data/test-fixtures'
  await mkdir(dir, { recursive: true })
  // Encoded here (112k), not the demo library's 128k MP3: the seed has already analysed
  // that one, and these tests need content no one has uploaded yet.
  await runFfmpeg(['-y', '-i', song.wav, '-c:a', 'libmp3lame', '-b:a', '112k', path.join(dir, 'clasica-112k.mp3')], { timeout: 60_000 })
  mp3 = await readFile(path.join(dir, 'clasica-112k.mp3'))
  await runFfmpeg(['-y', '-i', song.wav, '-t', '9', '-c:a', 'libmp3lame', '-b:a', '96k', path.join(dir, 'nine-seconds.mp3')], { timeout: 30_000 })
  shortMp3 = await readFile(path.join(dir, 'nine-seconds.mp3'))
  owner = await registerAndSignIn('songs-owner')
  other = await registerAndSignIn('songs-other')
}, 120_000)

afterAll(() => db.end())

describe('POST /api/songs', () => {
  let firstId: string

  it('stores the song, answers 202 while it is analysed, then has its beat grid', async () => {
    const res = await upload(owner.accessToken, mp3, { title: 'Clásica 128', artist: 'Demo Band' }, '../../etc/passwd')
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    expect(res.body.analysisCached).toBe(false)
    // The answer came before the analysis: content no one uploaded yet.
    expect(res.body.accepted).toMatchObject({ analysisStatus: 'analysing', analysisError: null, analysis: null, bpm: null })
    expect(res.body.accepted.durationSeconds).toBeGreaterThan(10)
    const s = res.body.song
    expect(s).toMatchObject({ analysisStatus: 'ready', analysisError: null })
    firstId = s.id
    expect(s).toMatchObject({ title: 'Clásica 128', artist: 'Demo Band', visibility: 'PRIVATE', mimeType: 'audio/mpeg' })
    expect(s.bpm).toBeGreaterThan(128 * 0.98)
    expect(s.bpm).toBeLessThan(128 * 1.02)
    expect(s.analysis.countOne.length).toBeGreaterThan(10)
    expect(s).not.toHaveProperty('storageKey')
    // the key is made by the server from the content, whatever the filename said
    const row = await db.query('SELECT "storageKey" FROM "Song" WHERE id = $1', [s.id])
    expect(row.rows[0].storageKey).toMatch(/^songs\/[0-9a-f]{64}\.mp3$/)
  })

  it('analyses the same content once, whoever uploads it', async () => {
    const res = await upload(other.accessToken, mp3, { title: 'Same file again' }, 'copy.mp3')
    expect(res.status).toBe(202)
    expect(res.body.analysisCached).toBe(true)
    // Analysed before: ready in the upload's own answer.
    expect(res.body.accepted.analysisStatus).toBe('ready')
    expect(res.body.accepted.analysis.countOne.length).toBeGreaterThan(10)
    expect(res.body.song.id).not.toBe(firstId)
    const hash = createHash('sha256').update(mp3).digest('hex')
    const rows = await db.query('SELECT count(*)::int AS n FROM "AudioAnalysis" WHERE "contentHash" = $1', [hash])
    expect(rows.rows[0].n).toBe(1)
  })

  it('judges files by content: PNG named .mp3 → 415, text → 415, empty → 422, 9 s → 422', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)])
    const before = (await db.query('SELECT count(*)::int AS n FROM "Song"')).rows[0].n
    const r1 = await upload(owner.accessToken, png, { title: 'png' }, 'song.mp3')
    expect(r1.status).toBe(415)
    expect(r1.body.error.message).toMatch(/audio/i)
    expect((await upload(owner.accessToken, Buffer.from('just some text '.repeat(50)), { title: 't' })).status).toBe(415)
    const empty = await upload(owner.accessToken, Buffer.alloc(0), { title: 'empty' })
    expect(empty.status).toBe(422)
    const short = await upload(owner.accessToken, shortMp3, { title: 'short' })
    expect(short.status).toBe(422)
    expect(short.body.error.message).toMatch(/too short.*10 s/)
    const corrupt = Buffer.concat([mp3.subarray(0, 4096), Buffer.alloc(200_000, 0x55)])
    const c = await upload(owner.accessToken, corrupt, { title: 'corrupt' })
    expect(c.status).toBeGreaterThanOrEqual(400)
    expect(c.status).toBeLessThan(500)
    expect((await db.query('SELECT count(*)::int AS n FROM "Song"')).rows[0].n).toBe(before)
  })

  it('validates fields and permissions', async () => {
    expect((await upload(owner.accessToken, mp3, {})).status).toBe(422) // no title
    const pub = await upload(owner.accessToken, mp3, { title: 'Public?', visibility: 'PUBLIC' })
    expect(pub.status).toBe(403)
    expect((await api('POST', '/api/songs', { raw: new FormData() })).status).toBe(401)
    const notMultipart = await api('POST', '/api/songs', { token: owner.accessToken, json: { title: 'x' } })
    expect(notMultipart.status).toBe(415)
  })

  it('cuts off an upload over 60 MB while it streams', async () => {
    let sent = 0
    const chunk = new Uint8Array(1024 * 1024).fill(0x41)
    const boundary = 'bb-boundary-123'
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHuge\r\n--${boundary}\r\n` +
      `Content-Disposition: form-data; name="file"; filename="huge.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`,
    )
    const body = new ReadableStream<Uint8Array>({
      start(c) { c.enqueue(head) },
      pull(c) {
        if (sent >= 200 * 1024 * 1024) return c.close()
        sent += chunk.length
        c.enqueue(chunk)
      },
    })
    let status = 0
    try {
      const res = await fetch(`${BASE_URL}/api/songs`, {
        method: 'POST', body, duplex: 'half',
        headers: { authorization: `Bearer ${owner.accessToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      } as RequestInit)
      status = res.status
      expect((await res.json()).error.code).toBe('payload_too_large')
    } catch {
      status = -1 // the server may close the connection once it has answered
    }
    expect([413, -1]).toContain(status)
    // It stopped reading long before the client's 200 MB were sent.
    expect(sent).toBeLessThan(120 * 1024 * 1024)
  })
})

describe('GET /api/songs and /api/songs/:id', () => {
  it('lists visible songs with search, tempo filter, sorting and paging', async () => {
    const instructor = await signInDemo('INSTRUCTOR')
    const pub = await upload(instructor.accessToken, mp3, { title: 'Zz Public Library Song', artist: 'Teacher', visibility: 'PUBLIC' })
    expect(pub.status).toBe(202)
    const mine = await upload(owner.accessToken, mp3, { title: 'Aa Owner Private Song' })

    const seenByOther = await api('GET', '/api/songs?pageSize=100', { token: other.accessToken })
    const titles = seenByOther.body.items.map((s: { title: string }) => s.title)
    expect(titles).toContain('Zz Public Library Song')
    expect(seenByOther.body.items.find((s: { title: string }) => s.title === 'Zz Public Library Song').analysisStatus).toBe('ready')
    expect(titles).not.toContain('Aa Owner Private Song')

    const search = await api('GET', '/api/songs?q=owner%20private', { token: owner.accessToken })
    expect(search.body.items.map((s: { id: string }) => s.id)).toEqual([mine.body.song.id])
    // LIKE wildcards are text: '%' matches only titles holding a '%' (none here), not every song.
    expect((await api('GET', '/api/songs?q=%25', { token: owner.accessToken })).body.total).toBe(0)
    expect((await api('GET', '/api/songs?q=Aa_Owner', { token: owner.accessToken })).body.total).toBe(0)
    const byTempo = await api('GET', '/api/songs?minBpm=200', { token: owner.accessToken })
    expect(byTempo.body.total).toBe(0)
    const sorted = await api('GET', '/api/songs?sort=title&order=asc&pageSize=1&page=1', { token: owner.accessToken })
    expect(sorted.body.items).toHaveLength(1)
    expect(sorted.body.items[0].title).toBe('Aa Owner Private Song')
    expect(sorted.body.total).toBeGreaterThan(1)
    expect((await api('GET', '/api/songs?sort=password', { token: owner.accessToken })).status).toBe(422)
    expect((await api('GET', '/api/songs?pageSize=100000', { token: owner.accessToken })).status).toBe(422)
  })

  it("hides another user's private song (404), shows it to its owner with the analysis", async () => {
    const mine = await upload(owner.accessToken, mp3, { title: 'Secret' })
    expect((await api('GET', `/api/songs/${mine.body.song.id}`, { token: other.accessToken })).status).toBe(404)
    const got = await api('GET', `/api/songs/${mine.body.song.id}`, { token: owner.accessToken })
    expect(got.status).toBe(200)
    expect(got.body.song.analysis.beats.length).toBeGreaterThan(100)
  })

  it('re-analyses a song whose analysis came from an older algorithm version', async () => {
    const s = await upload(owner.accessToken, mp3, { title: 'Old analysis' })
    await db.query('UPDATE "Song" SET "analysisVersion" = 0, analysis = NULL WHERE id = $1', [s.body.song.id])
    const got = await api('GET', `/api/songs/${s.body.song.id}`, { token: owner.accessToken })
    expect(got.status).toBe(200)
    expect(got.body.song.analysisVersion).toBe(s.body.song.analysisVersion)
    expect(got.body.song.analysis.bpm).toBeCloseTo(s.body.song.analysis.bpm, 3)
  })
})

describe('a song still being analysed', () => {
  it('says so (GET analysis, the song, the list); choreographies and corrections wait: 409 with Retry-After', async () => {
    const s = (await upload(owner.accessToken, mp3, { title: 'Not yet' })).body.song
    // Back to ANALYSING under a lease far ahead, so no instance's sweep takes it meanwhile.
    await db.query(`UPDATE "Song" SET "analysisStatus" = 'ANALYSING', "analysisLeaseUntil" = now() + interval '1 hour' WHERE id = $1`, [s.id])
    const status = await api('GET', `/api/songs/${s.id}/analysis`, { token: owner.accessToken })
    expect(status.status).toBe(200)
    expect(status.body).toEqual({ songId: s.id, analysisStatus: 'analysing', analysisError: null })
    expect((await api('GET', `/api/songs/${s.id}`, { token: owner.accessToken })).body.song.analysisStatus).toBe('analysing')
    const list = await api('GET', '/api/songs?mine=true&q=Not%20yet', { token: owner.accessToken })
    expect(list.body.items.map((i: { analysisStatus: string }) => i.analysisStatus)).toEqual(['analysing'])

    const choreo = await api('POST', '/api/choreographies', { token: owner.accessToken, json: { songId: s.id, params: { durationSeconds: 20 }, seed: 1 } })
    expectErrorShape(choreo, 409, 'song_not_ready')
    expect(Number(choreo.headers.get('retry-after'))).toBeGreaterThan(0)
    expectErrorShape(await api('PATCH', `/api/songs/${s.id}/analysis`, { token: owner.accessToken, json: { kind: 'shift', beats: 1 } }), 409, 'song_not_ready')
    expectErrorShape(await api('GET', `/api/songs/${s.id}/energy`, { token: owner.accessToken }), 409, 'song_not_ready')

    await db.query(`UPDATE "Song" SET "analysisStatus" = 'READY', "analysisLeaseUntil" = NULL WHERE id = $1`, [s.id])
    expect((await api('PATCH', `/api/songs/${s.id}/analysis`, { token: owner.accessToken, json: { kind: 'shift', beats: 1 } })).status).toBe(200)
  })
})

describe('PATCH /api/songs/:id/analysis and DELETE', () => {
  it('doubles and halves the tempo, shifts count one, relabels a section', async () => {
    const s = (await upload(owner.accessToken, mp3, { title: 'Adjust me' })).body.song
    const path = `/api/songs/${s.id}/analysis`
    // The demo song is 128 BPM: doubling would leave bachata's range, halving then doubling
    // puts the beats back between the kept ones.
    const halved = await api('PATCH', path, { token: owner.accessToken, json: { kind: 'tempo', factor: 0.5 } })
    expect(halved.status, JSON.stringify(halved.body)).toBe(200)
    expect(halved.body.song.bpm).toBeCloseTo(s.bpm / 2, 5)
    expect(halved.body.song.analysis.beats.length).toBe(Math.ceil(s.analysis.beats.length / 2))
    // Bounded: 32 BPM is no tempo at all, and nothing was changed by asking.
    const tooSlow = await api('PATCH', path, { token: owner.accessToken, json: { kind: 'tempo', factor: 0.5 } })
    expectErrorShape(tooSlow, 422, 'validation_failed')
    expect(tooSlow.body.error.message).toMatch(/between 60 and 220/)
    expect((await api('GET', `/api/songs/${s.id}`, { token: owner.accessToken })).body.song.bpm).toBeCloseTo(s.bpm / 2, 5)
    const doubled = await api('PATCH', path, { token: owner.accessToken, json: { kind: 'tempo', factor: 2 } })
    expect(doubled.body.song.bpm).toBeCloseTo(s.bpm, 5)
    expect(doubled.body.song.analysis.countOne).toEqual(s.analysis.countOne)
    expectErrorShape(await api('PATCH', path, { token: owner.accessToken, json: { kind: 'tempo', factor: 2 } }), 422)
    // Halving then doubling interpolates the dropped beats: a reset restores the tracked ones.
    const reset = await api('PATCH', path, { token: owner.accessToken, json: { reset: true } })
    expect(reset.body.song.analysis.beats).toEqual(s.analysis.beats)

    const shifted = await api('PATCH', path, { token: owner.accessToken, json: { kind: 'shift', beats: 1 } })
    const beats: number[] = s.analysis.beats
    const i0 = beats.indexOf(s.analysis.countOne[0])
    expect(shifted.body.song.analysis.countOne).toContain(beats[i0 + 1])
    expect(shifted.body.song.analysis.countOne).not.toContain(s.analysis.countOne[1])

    const relabel = await api('PATCH', path, { token: owner.accessToken, json: { kind: 'relabel', sectionIndex: 0, label: 'mambo' } })
    expect(relabel.body.song.analysis.sections[0].label).toBe('mambo')
    expect((await api('PATCH', path, { token: owner.accessToken, json: { kind: 'relabel', sectionIndex: 999, label: 'mambo' } })).status).toBe(422)
    expect((await api('PATCH', path, { token: owner.accessToken, json: { kind: 'tempo', factor: 3 } })).status).toBe(422)
    expect((await api('PATCH', path, { token: other.accessToken, json: { kind: 'shift', beats: 1 } })).status).toBe(404)
  })

  it('only the owner (or an admin) deletes; then it is gone', async () => {
    const s = (await upload(owner.accessToken, mp3, { title: 'Delete me' })).body.song
    expect((await api('DELETE', `/api/songs/${s.id}`, { token: other.accessToken })).status).toBe(404)
    expect((await api('DELETE', `/api/songs/${s.id}`, { token: owner.accessToken })).status).toBe(200)
    expect((await api('GET', `/api/songs/${s.id}`, { token: owner.accessToken })).status).toBe(404)
  })
})
