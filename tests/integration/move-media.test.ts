import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderDemoClip } from '@/scripts/demo/library/render-demo-clip'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'
import { BASE_URL, api, expectErrorShape, registerAndSignIn, signInDemo } from './http'

const FIX = '.data/test-fixtures/move-media'
const ID = 'media-shadow-to-cuddle'
// A real demo annotation that enters in shadow and exits in cuddle: it must be found by a
// cuddle filter although it does not start in one.
const source = demoCatalog().find((m) => m.entry.hold === 'shadow' && m.exit.hold === 'cuddle')!
const annotation = { ...source, id: ID, name: 'Media test wrap to cuddle', tags: ['media test'] }

let instructor: string
let user: string
let move: { id: string; clipUrl: string; posterUrl: string }

/** Raw bytes (api() reads bodies as text). */
async function fetchBytes(url: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${BASE_URL}${url}`, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, redirect: 'manual' })
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

beforeAll(async () => {
  await mkdir(FIX, { recursive: true })
  const clipFile = path.join(FIX, 'shadow-to-cuddle.mp4')
  if (!existsSync(clipFile)) await renderDemoClip(annotation, clipFile)
  instructor = (await signInDemo('INSTRUCTOR')).accessToken
  user = (await registerAndSignIn('move-media')).accessToken
  const form = new FormData()
  form.append('annotation', JSON.stringify(annotation))
  form.append('clip', new Blob([new Uint8Array(await readFile(clipFile))]), 'clip.mp4')
  const res = await api('POST', '/api/moves', { token: instructor, raw: form })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  move = res.body.move
}, 180_000)

describe('GET /api/moves/:id/clip and /poster', () => {
  it('serves the clip with byte ranges (206) and the poster as a JPEG', async () => {
    expect(move.clipUrl).toMatch(new RegExp(`^/api/moves/${ID}/clip\\?v=[a-z0-9]+$`))
    const part = await fetchBytes(move.clipUrl, user, { range: 'bytes=0-99' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-type')).toBe('video/mp4')
    expect(part.headers.get('content-range')).toMatch(/^bytes 0-99\/\d+$/)
    expect(part.bytes).toHaveLength(100)
    expect(part.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp')
    const whole = await fetchBytes(`/api/moves/${ID}/clip`, user)
    expect(whole.status).toBe(200)
    expect(whole.bytes.length).toBe(Number(part.headers.get('content-range')!.split('/')[1]))

    const poster = await fetchBytes(`/api/moves/${ID}/poster`, user)
    expect(poster.status).toBe(200)
    expect(poster.headers.get('content-type')).toBe('image/jpeg')
    expect([...poster.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  })

  it('caches for long only a URL that names the current version, and revalidates by ETag', async () => {
    const versioned = await fetchBytes(move.posterUrl, user)
    expect(versioned.headers.get('cache-control')).toMatch(/^private, max-age=\d{6,}, immutable$/)
    const plain = await fetchBytes(`/api/moves/${ID}/poster`, user)
    expect(plain.headers.get('cache-control')).toBe('private, no-cache')
    const stale = await fetchBytes(`/api/moves/${ID}/poster?v=old`, user)
    expect(stale.headers.get('cache-control')).toBe('private, no-cache')
    const again = await fetchBytes(`/api/moves/${ID}/poster`, user, { 'if-none-match': plain.headers.get('etag')! })
    expect(again.status).toBe(304)
    expectErrorShape(await api('GET', `/api/moves/${ID}/poster?v=NOT-A-VERSION`, { token: user }), 422)
  })

  it('404 for an unknown move, 401 signed out', async () => {
    expectErrorShape(await api('GET', '/api/moves/no-such-move/clip', { token: user }), 404, 'not_found')
    expectErrorShape(await api('GET', '/api/moves/no-such-move/poster', { token: user }), 404, 'not_found')
    expectErrorShape(await api('GET', `/api/moves/${ID}/clip`), 401)
    expectErrorShape(await api('GET', `/api/moves/${ID}/poster`), 401)
  })
})

type Item = { id: string; entry: { hold: string }; exit: { hold: string }; why?: string }

describe('the hold filter', () => {
  const through = (hold: string) => (m: Item) => m.entry.hold === hold || m.exit.hold === hold

  it('lists moves that enter or exit in the hold', async () => {
    const res = await api('GET', '/api/moves?hold=cuddle&pageSize=100', { token: user })
    expect(res.status).toBe(200)
    const items = res.body.items as Item[]
    expect(items.every(through('cuddle'))).toBe(true)
    expect(items.some((m) => m.entry.hold === 'cuddle')).toBe(true)
    expect(items.map((m) => m.id)).toContain(ID) // exits in cuddle only
    expect(res.body.total).toBe(items.length)
    const two = await api('GET', '/api/moves?hold=cuddle,tandem&pageSize=100', { token: user })
    expect(two.body.items.length).toBeGreaterThan(items.length)
    expect((two.body.items as Item[]).every((m) => through('cuddle')(m) || through('tandem')(m))).toBe(true)
  })

  it('filters the hybrid search the same way, with a why per result', async () => {
    const res = await api('GET', '/api/moves?q=wrap%20turn&hold=cuddle', { token: user })
    expect(res.status).toBe(200)
    const items = res.body.items as Item[]
    expect(items.length).toBeGreaterThan(0)
    expect(items.every(through('cuddle'))).toBe(true)
    expect(items.map((m) => m.id)).toContain(ID)
    for (const m of items) expect(typeof m.why).toBe('string')
    const unfiltered = await api('GET', '/api/moves?q=wrap%20turn&pageSize=100', { token: user })
    expect((unfiltered.body.items as Item[]).some((m) => !through('cuddle')(m))).toBe(true)
  })

  it('an unknown hold is a JSON validation error naming the field', async () => {
    const res = await api('GET', '/api/moves?hold=bear-hug', { token: user })
    expectErrorShape(res, 422, 'validation_failed')
    expect(Object.keys(res.body.error.fields).some((k) => k === 'hold' || k.startsWith('hold.'))).toBe(true)
  })
})

describe('a disabled move', () => {
  it('is a 404 for a dancer but still served to an instructor', async () => {
    expect((await api('DELETE', `/api/moves/${ID}`, { token: instructor })).status).toBe(200)
    expectErrorShape(await api('GET', `/api/moves/${ID}/clip`, { token: user }), 404)
    expectErrorShape(await api('GET', `/api/moves/${ID}/poster`, { token: user }), 404)
    const clip = await fetchBytes(`/api/moves/${ID}/clip`, instructor, { range: 'bytes=0-9' })
    expect(clip.status).toBe(206)
    expect((await fetchBytes(`/api/moves/${ID}/poster`, instructor)).status).toBe(200)
    // and it has left the dancer's listings and searches
    const listed = await api('GET', '/api/moves?hold=cuddle&pageSize=100', { token: user })
    expect(listed.body.items.map((m: Item) => m.id)).not.toContain(ID)
    const searched = await api('GET', '/api/moves?q=media%20test%20wrap', { token: user })
    expect(searched.body.items.map((m: Item) => m.id)).not.toContain(ID)
  })
})
