import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client,
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { AppError } from '@/lib/shared/errors'
import { assertSafeKey } from '@/lib/shared/validation/storage-key'
import { signCdnUrl, type CdnSigning } from './sign-cdn-url'
import type { ByteRange, Storage, StoredObject } from './storage'

export interface S3StorageOptions {
  bucket: string
  region?: string
  /** A non-AWS endpoint (s3rver, MinIO): path-style addressing is used with it. */
  endpoint?: string
  credentials?: { accessKeyId: string; secretAccessKey: string }
  /** Streams are uploaded in parts of this size (S3's minimum part is 5 MiB). */
  partSizeBytes?: number
  /** Bounds every request so a dead endpoint becomes an error, never a hang. */
  requestTimeoutMs?: number
  client?: S3Client
  /** Read URLs through CloudFront (origin access control) instead of S3 presigned ones. */
  cdn?: CdnSigning
}

const MIN_PART = 5 * 1024 * 1024

/**
 * Objects in one bucket under the same key layout as LocalStorage (clips/ songs/ outputs/
 * uploads/ posters/). Signed URLs are made on demand and never stored: they expire.
 * Checksums are only computed/validated when S3 requires them: with the SDK's default
 * ("when supported") streamed uploads reach S3-compatible servers as aws-chunked bodies
 * that they store verbatim, i.e. corrupted.
 */
export class S3Storage implements Storage {
  readonly bucket: string
  readonly client: S3Client
  private readonly partSize: number
  private readonly cdn?: CdnSigning

  constructor(o: S3StorageOptions) {
    this.bucket = o.bucket
    this.cdn = o.cdn
    this.partSize = Math.max(MIN_PART, o.partSizeBytes ?? 8 * 1024 * 1024)
    const timeout = o.requestTimeoutMs ?? 30_000
    this.client = o.client ?? new S3Client({
      region: o.region ?? 'us-east-1',
      endpoint: o.endpoint,
      forcePathStyle: Boolean(o.endpoint),
      credentials: o.credentials,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: Math.min(5_000, timeout), requestTimeout: timeout },
    })
  }

  async put(key: string, body: Readable | Buffer, opts: { contentType?: string } = {}): Promise<StoredObject> {
    assertSafeKey(key)
    if (Buffer.isBuffer(body)) return this.putBuffer(key, body, opts.contentType)
    return this.guard(() => this.putStream(key, body, opts.contentType))
  }

  async putFile(key: string, file: string, opts: { contentType?: string } = {}): Promise<StoredObject> {
    assertSafeKey(key)
    const { size } = await stat(file)
    // One PUT up to 5 GiB: a known length lets the SDK stream the file without buffering it.
    await this.guard(() => this.client.send(new PutObjectCommand({
      Bucket: this.bucket, Key: key, Body: createReadStream(file), ContentLength: size, ContentType: opts.contentType,
    })))
    return { size, contentType: opts.contentType }
  }

  async get(key: string, range?: ByteRange): Promise<{ stream: Readable } & StoredObject> {
    assertSafeKey(key)
    const res = await this.guard(() => this.client.send(new GetObjectCommand({
      Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined,
    })))
    const body = res.Body as Readable
    // size is the whole object's, as in LocalStorage; a ranged response names it after the '/'.
    const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.ContentRange ?? '')
    const size = served ? Number(served[3]) : res.ContentLength ?? 0
    if (!range) return { stream: body, size, contentType: res.ContentType }
    // HTTP lets a server ignore Range or widen it (s3rver serves everything for bytes=0-0):
    // trim what came back to what was asked for.
    const from = served ? Number(served[1]) : 0
    const to = served ? Number(served[2]) : size - 1
    const exact = from === range.start && to === range.end
    const stream = exact ? body : Readable.from(sliceBytes(body, range.start - from, range.end - from))
    return { stream, size, contentType: res.ContentType }
  }

  async head(key: string): Promise<StoredObject | null> {
    assertSafeKey(key)
    try {
      const res = await this.guard(() => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })))
      return { size: res.ContentLength ?? 0, contentType: res.ContentType, version: `${res.ETag ?? ''}@${res.LastModified?.getTime() ?? ''}` }
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null
      throw e
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key)
    await this.guard(() => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })))
  }

  /** Keys under the "directory" `prefix` (so 'clips/demo' never matches 'clips/demo2/x'), sorted. */
  async list(prefix: string): Promise<string[]> {
    const dir = prefix.replace(/\/+$/, '')
    assertSafeKey(`${dir}/x`)
    const out: string[] = []
    let token: string | undefined
    do {
      const res = await this.guard(() => this.client.send(new ListObjectsV2Command({
        Bucket: this.bucket, Prefix: `${dir}/`, ContinuationToken: token,
      })))
      for (const o of res.Contents ?? []) if (o.Key) out.push(o.Key)
      token = res.IsTruncated ? res.NextContinuationToken : undefined
    } while (token)
    return out.sort()
  }

  /**
   * Playback through CloudFront (when configured) gets a link valid for the whole practice
   * session; the player asks the app for a new one if it still expires. A download keeps an
   * S3 presigned URL: only S3 honours response-content-disposition (the media behaviours don't
   * forward query strings) and a download starts at once.
   */
  async signedUrl(key: string, opts: { expiresInSeconds?: number; downloadName?: string } = {}): Promise<string> {
    assertSafeKey(key)
    if (this.cdn && !opts.downloadName) return signCdnUrl(this.cdn, key)
    const disposition = opts.downloadName
      ? `attachment; filename="${opts.downloadName.replace(/[^\w.-]/g, '_')}"`
      : undefined
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: disposition }),
      { expiresIn: Math.min(Math.max(opts.expiresInSeconds ?? 300, 1), 3600) },
    )
  }

  private async putBuffer(key: string, body: Buffer, contentType?: string): Promise<StoredObject> {
    await this.guard(() => this.client.send(new PutObjectCommand({
      Bucket: this.bucket, Key: key, Body: body, ContentLength: body.length, ContentType: contentType,
    })))
    return { size: body.length, contentType }
  }

  /**
   * A stream of unknown length through lib-storage's Upload: one PUT if it fits in a part,
   * else a multipart upload with one part in flight (memory bounded by a part or two). On
   * failure Upload aborts the multipart upload, so no parts linger.
   */
  private async putStream(key: string, body: Readable, contentType?: string): Promise<StoredObject> {
    let size = 0
    const counted = Readable.from((async function* () {
      for await (const data of body) {
        const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array)
        size += chunk.length
        yield chunk
      }
    })())
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: counted, ContentType: contentType },
      partSize: this.partSize,
      queueSize: 1,
      leavePartsOnError: false,
    })
    try {
      await upload.done()
    } catch (e) {
      body.destroy()
      throw e
    }
    return { size, contentType }
  }

  /** S3 errors → AppError: missing → 404; unreachable/5xx → 503 'storage_unavailable' (callers retry). */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (e) {
      throw toStorageError(e)
    }
  }
}

function toStorageError(e: unknown): unknown {
  if (e instanceof AppError) return e
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number }; code?: string; message?: string }
  const status = err.$metadata?.httpStatusCode
  if (err.name === 'NoSuchKey' || err.name === 'NotFound' || status === 404) return AppError.notFound('File')
  if (status === 416 || err.name === 'InvalidRange') return new AppError('range_not_satisfiable', 'Range not satisfiable', 416)
  if (status === undefined || status >= 500) {
    const wrapped = AppError.storageUnavailable(err.code ?? err.name ?? 'error')
    wrapped.cause = e
    return wrapped
  }
  return e
}

/** Bytes start..end (inclusive) of a stream; stops reading (and destroys it) once past end. */
async function* sliceBytes(body: Readable, start: number, end: number): AsyncGenerator<Buffer> {
  let offset = 0
  try {
    for await (const data of body) {
      const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array)
      const from = Math.max(0, start - offset)
      const to = Math.min(chunk.length, end + 1 - offset)
      if (to > from) yield chunk.subarray(from, to)
      offset += chunk.length
      if (offset > end) break
    }
  } finally {
    body.destroy()
  }
}
