import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { downloadFilename } from '@/lib/services/choreographies/download-filename'
import { parseByteRange } from '@/lib/shared/http/parse-byte-range'
import { respondWithObject } from '@/lib/shared/http/respond-with-object'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { S3Storage } from '@/lib/shared/storage/s3-storage'
import { startS3rver, type RunningS3rver } from './start-s3rver'

const DATA = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))
const KEY = `outputs/${'a'.repeat(64)}.mp4`
const base = { key: KEY, contentType: 'video/mp4', filename: 'bachata-x-1.mp4', download: false, range: null, ifNoneMatch: null }

describe('parseByteRange', () => {
  it('reads the three single-range forms, clamping the end to the object', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 })
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 })
    expect(parseByteRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 })
  })

  it('ignores what it does not understand (serve everything) and 416s past the end', () => {
    for (const h of [null, '', 'bytes=', 'bytes=-', 'items=0-1', 'bytes=0-1,5-6', 'bytes=a-b']) {
      expect(parseByteRange(h, 1000), String(h)).toBeNull()
    }
    // "bytes=9-3" is well formed but selects nothing: range-parser (as Express) answers 416.
    for (const h of ['bytes=1000-', 'bytes=1000-1001', 'bytes=5000-6000', 'bytes=-0', 'bytes=9-3']) {
      let caught: unknown
      try { parseByteRange(h, 1000) } catch (e) { caught = e }
      expect(caught, h).toMatchObject({ status: 416, headers: { 'Content-Range': 'bytes */1000' } })
    }
  })
})

describe('downloadFilename', () => {
  it('is bachata-<ascii slug>-<id>.<ext> whatever the title holds', () => {
    expect(downloadFilename('Obsesión (Live) — Aventura', 'ck123', 'mp4')).toBe('bachata-obsesion-live-aventura-ck123.mp4')
    expect(downloadFilename('../../etc/passwd"\r\nX-Evil: 1', 'id9', 'mp4')).toBe('bachata-etc-passwd-x-evil-1-id9.mp4')
    expect(downloadFilename('日本語', 'id', 'jpg')).toBe('bachata-choreography-id.jpg')
    expect(downloadFilename('a'.repeat(300), 'id', 'mp4').length).toBeLessThan(70)
  })
})

describe('respondWithObject on local storage', () => {
  const storage = new LocalStorage(mkdtempSync(path.join(tmpdir(), 'bb-respond-')))
  beforeAll(async () => { await storage.put(KEY, DATA) })
  const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer())

  it('200 with the whole object, Accept-Ranges and an inline disposition', async () => {
    const r = await respondWithObject({ ...base, storage })
    expect(r.status).toBe(200)
    expect(r.headers.get('accept-ranges')).toBe('bytes')
    expect(r.headers.get('content-length')).toBe('1000')
    expect(r.headers.get('content-disposition')).toBe('inline; filename="bachata-x-1.mp4"')
    expect((await bytes(r)).equals(DATA)).toBe(true)
  })

  it('206 with exactly the asked bytes and a Content-Range', async () => {
    const r = await respondWithObject({ ...base, storage, range: 'bytes=100-199' })
    expect(r.status).toBe(206)
    expect(r.headers.get('content-range')).toBe('bytes 100-199/1000')
    expect(r.headers.get('content-length')).toBe('100')
    expect((await bytes(r)).equals(DATA.subarray(100, 200))).toBe(true)
    const tail = await respondWithObject({ ...base, storage, range: 'bytes=-10' })
    expect((await bytes(tail)).equals(DATA.subarray(990))).toBe(true)
  })

  it('416 past the end; 304 for a matching ETag; attachment for a download', async () => {
    await expect(respondWithObject({ ...base, storage, range: 'bytes=1000-' })).rejects.toMatchObject({ status: 416 })
    const first = await respondWithObject({ ...base, storage })
    await first.body?.cancel()
    const again = await respondWithObject({ ...base, storage, ifNoneMatch: first.headers.get('etag') })
    expect(again.status).toBe(304)
    const dl = await respondWithObject({ ...base, storage, download: true })
    await dl.body?.cancel()
    expect(dl.headers.get('content-disposition')).toBe('attachment; filename="bachata-x-1.mp4"')
  })

  it('HEAD gets the same headers and no body (no file left open)', async () => {
    const r = await respondWithObject({ ...base, storage, head: true, range: 'bytes=0-9' })
    expect(r.status).toBe(206)
    expect(r.headers.get('content-range')).toBe('bytes 0-9/1000')
    expect(r.body).toBeNull()
  })

  it('a missing object is a 404', async () => {
    await expect(respondWithObject({ ...base, storage, key: 'outputs/missing.mp4' })).rejects.toMatchObject({ status: 404 })
  })
})

describe('respondWithObject on S3', () => {
  let server: RunningS3rver
  let storage: S3Storage
  beforeAll(async () => {
    server = await startS3rver({ dir: mkdtempSync(path.join(tmpdir(), 'bb-respond-s3-')) })
    storage = new S3Storage({ bucket: server.bucket, endpoint: server.endpoint, credentials: server.credentials })
    await storage.put(KEY, DATA, { contentType: 'video/mp4' })
  })
  afterAll(async () => { await server?.kill() })

  it('302 to a freshly signed, short-lived URL that serves the object and its ranges', async () => {
    const r = await respondWithObject({ ...base, storage, download: true })
    expect(r.status).toBe(302)
    expect(r.headers.get('cache-control')).toContain('no-store')
    const url = new URL(r.headers.get('location')!)
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300)
    const whole = await fetch(url)
    expect(Buffer.from(await whole.arrayBuffer()).equals(DATA)).toBe(true)
    expect(whole.headers.get('content-disposition')).toContain('bachata-x-1.mp4')
    const part = await fetch(url, { headers: { range: 'bytes=10-19' } })
    expect(part.status).toBe(206)
    expect(Buffer.from(await part.arrayBuffer()).equals(DATA.subarray(10, 20))).toBe(true)
  })

  it('verify: asks S3 first, so a missing object is a 404 and a dead S3 a 503 storage_unavailable, not a dead link', async () => {
    expect((await respondWithObject({ ...base, storage, verify: true })).status).toBe(302)
    await expect(respondWithObject({ ...base, key: `outputs/${'b'.repeat(64)}.mp4`, storage, verify: true }))
      .rejects.toMatchObject({ status: 404 })
    // Without verify the redirect is made without S3 (signing is local): a dead server goes unseen.
    await server.kill()
    expect((await respondWithObject({ ...base, storage })).status).toBe(302)
    await expect(respondWithObject({ ...base, storage, verify: true }))
      .rejects.toMatchObject({ status: 503, code: 'storage_unavailable', headers: { 'Retry-After': '5' } })
  })
})
