import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MoveAnnotationSchema } from '@/lib/engines/dance/move-annotation'
import { renderDemoClip } from '@/scripts/demo/library/render-demo-clip'
import { makeClipWithMusic, type ClipWithMusic } from '@/tests/fixtures/clip-with-music'
import { api, expectErrorShape, registerAndSignIn, signInDemo } from './http'

const FIX = '.data/test-fixtures/admin-moves'
const FRAME = 1 / 30
const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
const annotation = (id: string, extra: Record<string, unknown> = {}) => ({
  id, name: 'Marigold sweep', family: 'lady-turn', variant: 'sweep', styles: ['sensual'], moods: ['smooth'],
  difficulty: 'intermediate', energy: 'medium', counts: 8, nativeBpm: 120, firstCountOffset: 1.3,
  entry: { hold: 'closed', leadWeight: 'left', facing: 'face-to-face' },
  exit: { hold: 'closed', leadWeight: 'left', facing: 'face-to-face' },
  tags: ['marigold'], description: 'A slow sweeping turn for the follower.', ...extra,
})
let instructor: string
let user: string
let music: ClipWithMusic
let withMusic: Buffer
let silent: Buffer

function upload(url: string, token: string, file: Buffer | null, fields: Record<string, string> = {}) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  if (file) form.append('clip', new Blob([new Uint8Array(file)]), 'clip.mp4')
  return api('POST', url, { token, raw: form })
}
const ingest = (token: string, file: Buffer, ann: unknown) => upload('/api/moves', token, file, { annotation: JSON.stringify(ann) })
const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((m) => m.id)

beforeAll(async () => {
  await mkdir(FIX, { recursive: true })
  music = await makeClipWithMusic(FIX, { bpm: 120, leadInSeconds: 1.3, phrases: 3 })
  withMusic = await readFile(music.file)
  const silentFile = path.join(FIX, 'silent.mp4')
  if (!existsSync(silentFile)) await renderDemoClip(MoveAnnotationSchema.parse(annotation('silent-fixture')), silentFile)
  silent = await readFile(silentFile)
  instructor = (await signInDemo('INSTRUCTOR')).accessToken
  user = (await registerAndSignIn('admin-moves-user')).accessToken
  await db.connect()
}, 180_000)
afterAll(() => db.end())

describe('POST /api/moves/clip-timing', () => {
  it('finds the tempo and first count one of a clip’s own music (within 2 % and a frame)', async () => {
    const res = await upload('/api/moves/clip-timing', instructor, withMusic)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.audio).toBe(true)
    expect(Math.abs(res.body.bpm - music.bpm) / music.bpm).toBeLessThan(0.02)
    expect(Math.abs(res.body.firstCountOffset - music.firstCountOffset)).toBeLessThan(FRAME)
    expect(res.body.confidence).toBeGreaterThan(0)
    expect(res.body.countOnes[0]).toBe(res.body.firstCountOffset)
  })

  it('a clip without a sound track says so', async () => {
    const res = await upload('/api/moves/clip-timing', instructor, silent)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toEqual({ audio: false })
  })

  it('refuses dancers (403), the signed out (401), no clip and a non-video with a clear 4xx', async () => {
    expectErrorShape(await upload('/api/moves/clip-timing', user, withMusic), 403, 'forbidden')
    expectErrorShape(await api('POST', '/api/moves/clip-timing', { raw: new FormData() }), 401)
    const none = await upload('/api/moves/clip-timing', instructor, null, { note: 'no clip' })
    expectErrorShape(none, 422)
    expect(none.body.error.fields).toEqual({ clip: ['is required'] })
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 1)])
    expectErrorShape(await upload('/api/moves/clip-timing', instructor, png), 415)
    expectErrorShape(await api('POST', '/api/moves/clip-timing', { token: instructor, json: { clip: 'x' } }), 415)
  })
})

describe('ingest answers with the clip’s timing and a warning per contradicted field', () => {
  it('an annotation off by > 4 % tempo and > half a beat gets both warnings (and is stored)', async () => {
    const res = await ingest(instructor, withMusic, annotation('marigold-off', { nativeBpm: 128, firstCountOffset: 1.8 }))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.move.id).toBe('marigold-off')
    expect(Math.abs(res.body.clipTiming.bpm - 120) / 120).toBeLessThan(0.02)
    expect(res.body.warnings.nativeBpm[0]).toMatch(/BPM/)
    expect(res.body.warnings.firstCountOffset[0]).toMatch(/count one/)
  })

  it('an annotation that agrees with the music gets none; a silent clip gets none', async () => {
    const ok = await ingest(instructor, withMusic, annotation('marigold-agrees', { nativeBpm: 121, firstCountOffset: 5.3 }))
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(ok.body.warnings).toEqual({})
    const quiet = await ingest(instructor, silent, annotation('marigold-silent', { nativeBpm: 170, firstCountOffset: 0.2 }))
    expect(quiet.status, JSON.stringify(quiet.body)).toBe(201)
    expect(quiet.body.clipTiming).toEqual({ audio: false })
    expect(quiet.body.warnings).toEqual({})
  })
})

describe('enable again: PATCH {enabled:true}', () => {
  it('a disabled move leaves search; enabling brings it back at once', async () => {
    expect((await api('DELETE', '/api/moves/marigold-agrees', { token: instructor })).status).toBe(200)
    expect(ids(await api('GET', '/api/moves?q=marigold%20sweep', { token: instructor }))).not.toContain('marigold-agrees')
    const res = await api('PATCH', '/api/moves/marigold-agrees', { token: instructor, json: { enabled: true } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.move.enabled).toBe(true)
    expect(ids(await api('GET', '/api/moves?q=marigold%20sweep', { token: user }))).toContain('marigold-agrees')
    expect((await api('GET', '/api/moves/marigold-agrees', { token: user })).status).toBe(200)
  })

  it('an edit keeps a disabled move disabled; enabled:false is not a PATCH (DELETE disables): 422', async () => {
    await api('DELETE', '/api/moves/marigold-silent', { token: instructor })
    const edit = await api('PATCH', '/api/moves/marigold-silent', { token: instructor, json: { name: 'Quiet marigold' } })
    expect(edit.body.move).toMatchObject({ name: 'Quiet marigold', enabled: false })
    expectErrorShape(await api('PATCH', '/api/moves/marigold-silent', { token: instructor, json: { enabled: false } }), 422)
    expectErrorShape(await api('PATCH', '/api/moves/marigold-silent', { token: instructor, json: { enabled: 'yes' } }), 422)
    expectErrorShape(await api('PATCH', '/api/moves/marigold-silent', { token: user, json: { enabled: true } }), 403)
    expectErrorShape(await api('PATCH', '/api/moves/no-such-move', { token: instructor, json: { enabled: true } }), 404)
  })
})

describe('the curator’s list: include disabled, enabled filter', () => {
  it('lists only disabled or only enabled moves, and searches disabled ones by their words', async () => {
    const disabled = await api('GET', '/api/moves?enabled=false&pageSize=100', { token: instructor })
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200)
    expect(ids(disabled)).toContain('marigold-silent')
    expect(disabled.body.items.every((m: { enabled: boolean }) => !m.enabled)).toBe(true)
    const enabled = await api('GET', '/api/moves?enabled=true&family=lady-turn&pageSize=100', { token: instructor })
    expect(ids(enabled)).toContain('marigold-off')
    expect(ids(enabled)).not.toContain('marigold-silent')
    const all = await api('GET', '/api/moves?q=quiet%20marigold&includeDisabled=true', { token: instructor })
    expect(ids(all)).toEqual(expect.arrayContaining(['marigold-silent', 'marigold-off']))
    expect(all.body.items.find((m: { id: string }) => m.id === 'marigold-silent').enabled).toBe(false)
    const onlyOff = await api('GET', '/api/moves?q=marigold&enabled=false', { token: instructor })
    expect(ids(onlyOff)).toEqual(['marigold-silent'])
    expect(ids(await api('GET', '/api/moves?q=quiet%20marigold', { token: instructor }))).not.toContain('marigold-silent')
  })

  it('a dancer may not ask for disabled moves (403); a bad value is 422', async () => {
    expectErrorShape(await api('GET', '/api/moves?enabled=false', { token: user }), 403, 'forbidden')
    expectErrorShape(await api('GET', '/api/moves?includeDisabled=true&q=turn', { token: user }), 403, 'forbidden')
    expectErrorShape(await api('GET', '/api/moves?enabled=maybe', { token: instructor }), 422)
  })
})

describe('POST /api/moves/:id/embed', () => {
  const stored = async (id: string) =>
    (await db.query<{ vector: Buffer; embedderId: string }>('SELECT vector, "embedderId" FROM "MoveEmbedding" WHERE "moveId" = $1', [id])).rows

  it('recomputes the stored vector now (even for unchanged text), reports the embedder, and search finds the move', async () => {
    const search = await api('GET', '/api/moves?q=marigold', { token: instructor })
    const [before] = await stored('marigold-off')
    expect(before, 'ingest stored a vector').toBeTruthy()
    // Damage it behind the app's back: only a real re-embed can restore it.
    await db.query('UPDATE "MoveEmbedding" SET vector = $1 WHERE "moveId" = $2', [Buffer.alloc(before.vector.length), 'marigold-off'])
    const res = await api('POST', '/api/moves/marigold-off/embed', { token: instructor })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ id: 'marigold-off', embedderId: search.body.embedderId, indexed: true, dims: before.vector.length / 4 })
    const [after] = await stored('marigold-off')
    expect(Buffer.compare(after.vector, before.vector)).toBe(0)
    expect(after.embedderId).toBe(res.body.embedderId)
    // New words are found at once (edit + re-embed in one go, as the edit page does).
    await api('PATCH', '/api/moves/marigold-off', { token: instructor, json: { tags: ['zinnia'] } })
    expect((await api('POST', '/api/moves/marigold-off/embed', { token: instructor })).status).toBe(200)
    expect(ids(await api('GET', '/api/moves?q=zinnia', { token: user }))[0]).toBe('marigold-off')
  })

  it('a disabled move is re-embedded but stays out of search', async () => {
    const res = await api('POST', '/api/moves/marigold-silent/embed', { token: instructor })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.indexed).toBe(false)
    expect(ids(await api('GET', '/api/moves?q=quiet%20marigold', { token: instructor }))).not.toContain('marigold-silent')
  })

  it('403 for dancers, 404 for an unknown move, 422 for a malformed id', async () => {
    expectErrorShape(await api('POST', '/api/moves/marigold-off/embed', { token: user }), 403, 'forbidden')
    expectErrorShape(await api('POST', '/api/moves/no-such-move/embed', { token: instructor }), 404)
    expectErrorShape(await api('POST', `/api/moves/${'x'.repeat(81)}/embed`, { token: instructor }), 422)
  })
})
