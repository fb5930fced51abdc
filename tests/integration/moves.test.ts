import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ffprobePath, runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { renderDemoClip } from '@/scripts/demo/library/render-demo-clip'
import { MoveAnnotationSchema } from '@/lib/engines/dance/move-annotation'
import { api, expectErrorShape, registerAndSignIn, signInDemo } from './http'

const FIX = '.data/test-fixtures/moves'
const annotation = (id: string, extra: Record<string, unknown> = {}) => ({
  id, name: 'Tornado wrap turn', family: 'lady-turn', variant: 'wrap', styles: ['moderna'], moods: ['playful'],
  difficulty: 'intermediate', energy: 'high', counts: 8, nativeBpm: 126, firstCountOffset: 0.3,
  entry: { hold: 'two-hand-open', leadWeight: 'right', facing: 'face-to-face' },
  exit: { hold: 'two-hand-open', leadWeight: 'right', facing: 'face-to-face' },
  leadNotes: 'Prep on 7-8', tags: ['tornado', 'spin'], description: 'A whirling wrap turn for the follower.', ...extra,
})
let instructor: string
let clip: Buffer

function ingest(token: string, file: Buffer, ann: unknown, filename = 'clip.mp4') {
  const form = new FormData()
  form.append('annotation', typeof ann === 'string' ? ann : JSON.stringify(ann))
  form.append('clip', new Blob([new Uint8Array(file)]), filename)
  return api('POST', '/api/moves', { token, raw: form })
}

async function fixture(name: string, args: string[]): Promise<Buffer> {
  const file = path.join(FIX, name)
  if (!existsSync(file)) await runFfmpeg(['-y', ...args, file], { timeout: 120_000 })
  return readFile(file)
}

beforeAll(async () => {
  await mkdir(FIX, { recursive: true })
  const clipFile = path.join(FIX, 'tornado.mp4')
  if (!existsSync(clipFile)) await renderDemoClip(MoveAnnotationSchema.parse(annotation('tornado-fixture')), clipFile)
  clip = await readFile(clipFile)
  instructor = (await signInDemo('INSTRUCTOR')).accessToken
}, 180_000)

describe('POST /api/moves (ingest)', () => {
  it('stores, normalises, posters, embeds and indexes a real clip: searchable at once', async () => {
    const res = await ingest(instructor, clip, annotation('tornado-wrap-turn'))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.move).toMatchObject({ id: 'tornado-wrap-turn', family: 'lady-turn', enabled: true, hasPoster: true })
    expect(res.body.move.durationSeconds).toBeGreaterThan(4)
    const found = await api('GET', '/api/moves?q=tornado%20whirl', { token: instructor })
    expect(found.status).toBe(200)
    expect(found.body.items[0].id).toBe('tornado-wrap-turn')
    expect(found.body.items[0].scoreParts).toMatchObject({ semantic: expect.any(Number), lexical: expect.any(Number) })
    // the normalised clip is in the library format
    const dataDir = process.env.DATA_DIR!
    const clips = (await import('node:fs')).readdirSync(path.join(dataDir, 'clips')).filter((f) => f.startsWith('tornado-wrap-turn-'))
    expect(clips).toHaveLength(1)
    const { stdout } = await (await import('execa')).execa(ffprobePath(), ['-v', 'error', '-show_streams', '-of', 'json', path.join(dataDir, 'clips', clips[0])])
    const streams = JSON.parse(stdout).streams
    expect(streams).toHaveLength(1)
    expect(streams[0]).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p', width: 960, height: 540 })
  })

  it('rejects bad clips with a clear 4xx: PNG named .mp4, 0 bytes, 10 minutes, audio only', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 1)])
    const long = await fixture('ten-minutes.mp4', ['-f', 'lavfi', '-i', 'color=c=black:s=64x64:r=5:d=600', '-c:v', 'libx264', '-preset', 'ultrafast'])
    const audio = await fixture('audio-only.m4a', ['-f', 'lavfi', '-i', 'sine=f=440:d=5', '-c:a', 'aac'])
    const cases: Array<[string, Buffer]> = [['png', png], ['empty', Buffer.alloc(0)], ['long', long], ['audio', audio]]
    for (const [i, [name, file]] of cases.entries()) {
      const res = await ingest(instructor, file, annotation(`bad-clip-${i}`), `${name}.mp4`)
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.body.error.message.length).toBeGreaterThan(5)
      expect((await api('GET', `/api/moves/bad-clip-${i}`, { token: instructor })).status).toBe(404)
    }
  })

  it('validates the annotation (field errors) and refuses duplicates', async () => {
    const bad = await ingest(instructor, clip, annotation('bad-annotation', { family: 'moonwalk', counts: 12 }))
    expectErrorShape(bad, 422)
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['family', 'counts']))
    expectErrorShape(await ingest(instructor, clip, '{not json'), 400)
    expectErrorShape(await ingest(instructor, clip, annotation('tornado-wrap-turn')), 409)
  })

  it('a USER cannot ingest, edit or delete (403); anonymous 401', async () => {
    const user = await registerAndSignIn('moves-user')
    expectErrorShape(await ingest(user.accessToken, clip, annotation('user-move')), 403)
    expectErrorShape(await api('PATCH', '/api/moves/tornado-wrap-turn', { token: user.accessToken, json: { name: 'Hacked' } }), 403)
    expectErrorShape(await api('DELETE', '/api/moves/tornado-wrap-turn', { token: user.accessToken }), 403)
    expectErrorShape(await api('GET', '/api/moves'), 401)
  })
})

describe('GET/PATCH/DELETE /api/moves', () => {
  it('lists with filters and pagination', async () => {
    const res = await api('GET', '/api/moves?family=dip&pageSize=5', { token: instructor })
    expect(res.status).toBe(200)
    expect(res.body.items.length).toBeGreaterThan(0)
    expect(res.body.items.every((m: { family: string }) => m.family === 'dip')).toBe(true)
    const beginners = await api('GET', '/api/moves?maxDifficulty=beginner&pageSize=100', { token: instructor })
    expect(beginners.body.items.every((m: { difficulty: string }) => m.difficulty === 'beginner')).toBe(true)
    const searched = await api('GET', '/api/moves?q=easy%20turn%20for%20beginners&maxDifficulty=beginner', { token: instructor })
    expect(searched.body.items.length).toBeGreaterThan(0)
    expect(searched.body.items.every((m: { difficulty: string }) => m.difficulty === 'beginner')).toBe(true)
    expect(searched.body.items[0].family).toBe('lady-turn')
    expectErrorShape(await api('GET', '/api/moves?family=moonwalk', { token: instructor }), 422)
  })

  it('edits an annotation (re-validated as a whole) and re-indexes it', async () => {
    const res = await api('PATCH', '/api/moves/tornado-wrap-turn', { token: instructor, json: { name: 'Cyclone wrap turn', tags: ['cyclone'] } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.move.name).toBe('Cyclone wrap turn')
    const found = await api('GET', '/api/moves?q=cyclone', { token: instructor })
    expect(found.body.items[0].id).toBe('tornado-wrap-turn')
    // loopable needs entry == exit: this edit contradicts itself
    const contradictory = await api('PATCH', '/api/moves/tornado-wrap-turn', {
      token: instructor, json: { loopable: true, exit: { hold: 'closed', leadWeight: 'right', facing: 'face-to-face' } },
    })
    expectErrorShape(contradictory, 422)
    expectErrorShape(await api('PATCH', '/api/moves/tornado-wrap-turn', { token: instructor, json: { id: 'renamed' } }), 422)
    expectErrorShape(await api('PATCH', '/api/moves/nope', { token: instructor, json: { name: 'x y' } }), 404)
  })

  it('disabling a move removes it from search and listings, but keeps the row', async () => {
    expect((await api('DELETE', '/api/moves/tornado-wrap-turn', { token: instructor })).status).toBe(200)
    const found = await api('GET', '/api/moves?q=cyclone%20tornado%20wrap', { token: instructor })
    expect(found.body.items.map((m: { id: string }) => m.id)).not.toContain('tornado-wrap-turn')
    const user = await registerAndSignIn('moves-reader')
    expect((await api('GET', '/api/moves/tornado-wrap-turn', { token: user.accessToken })).status).toBe(404)
    const curator = await api('GET', '/api/moves/tornado-wrap-turn', { token: instructor })
    expect(curator.body.move.enabled).toBe(false)
  })
})
