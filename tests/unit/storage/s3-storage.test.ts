import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { S3Storage } from '@/lib/shared/storage/s3-storage'
import { startS3rver, type RunningS3rver } from './start-s3rver'
import { describeStorageContract } from './storage-contract'

let server: RunningS3rver
beforeAll(async () => {
  server = await startS3rver({ dir: mkdtempSync(path.join(tmpdir(), 'bb-s3rver-')) })
})
afterAll(async () => {
  await server?.kill()
})

const make = (o: { requestTimeoutMs?: number } = {}) => new S3Storage({
  bucket: server.bucket, endpoint: server.endpoint, credentials: server.credentials, partSizeBytes: 5 * 1024 * 1024, ...o,
})

describeStorageContract('S3Storage on s3rver', () => make(), { signedUrls: true })

describe('S3Storage failures', () => {
  it('an unreachable endpoint is a 503 "storage_unavailable" AppError with Retry-After, quickly, not a hang', async () => {
    const dead = new S3Storage({
      bucket: 'x', endpoint: 'http://127.0.0.1:9', credentials: server.credentials, requestTimeoutMs: 2000,
    })
    const started = Date.now()
    await expect(dead.head('clips/a.mp4')).rejects.toMatchObject({ code: 'storage_unavailable', status: 503, headers: { 'Retry-After': '5' } })
    await expect(dead.put('clips/a.mp4', Buffer.from('x'))).rejects.toMatchObject({ code: 'storage_unavailable' })
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  it('a stream that fails after the first part leaves no object behind (the multipart upload is aborted)', async () => {
    const part = Buffer.alloc(5 * 1024 * 1024 + 1, 7)
    const failing = Readable.from((async function* () {
      yield part
      yield part
      throw new Error('client went away')
    })())
    await expect(make().put('uploads/contract/broken.bin', failing)).rejects.toThrow()
    expect(await make().head('uploads/contract/broken.bin')).toBeNull()
  })

  it('a missing bucket object is a 404 AppError on get', async () => {
    await expect(make().get('outputs/none/missing.mp4')).rejects.toMatchObject({ status: 404, code: 'not_found' })
  })
})
