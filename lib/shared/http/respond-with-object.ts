import { Readable } from 'node:stream'
import { AppError } from '@/lib/shared/errors'
import type { Storage } from '@/lib/shared/storage/storage'
import { parseByteRange } from './parse-byte-range'

/** S3 presigned URLs live just long enough to start playback (CloudFront ones: MEDIA_URL_TTL_SECONDS);
 * the player asks the app again when one has expired. */
export const SIGNED_URL_SECONDS = 300

export interface ObjectResponseOptions {
  storage: Storage
  key: string
  contentType: string
  filename: string
  download: boolean
  range: string | null
  ifNoneMatch: string | null
  /** HEAD: the same headers, and no file opened for a body nobody reads. */
  head?: boolean
  /** Default: derived from the key, for keys that name their bytes (output hashes). */
  etag?: string
  /** Default: private, no-cache (revalidate with the ETag). */
  cacheControl?: string
  /** Storage that signs URLs: ask it for the object before redirecting, so a player gets a
   * JSON 404 or 503 from us rather than a link that fails at S3 (one HEAD per video start). */
  verify?: boolean
}

/** What respondWithObject reads from the request: its range, its validator and its method. */
export function mediaRequestOf(req: Request): Pick<ObjectResponseOptions, 'range' | 'ifNoneMatch' | 'head'> {
  return { range: req.headers.get('range'), ifNoneMatch: req.headers.get('if-none-match'), head: req.method === 'HEAD' }
}

/**
 * One stored object as an HTTP response. Storage that signs URLs (S3, or CloudFront in front of
 * it) → 302 to a URL made now (never stored); local storage → streamed here with Range support
 * (206 / 416), since video players seek. Callers check access first.
 */
export async function respondWithObject(o: ObjectResponseOptions): Promise<Response> {
  const signed = await o.storage.signedUrl(o.key, {
    expiresInSeconds: SIGNED_URL_SECONDS, downloadName: o.download ? o.filename : undefined,
  })
  if (signed && o.verify && !(await o.storage.head(o.key))) throw AppError.notFound('File')
  if (signed) return new Response(null, { status: 302, headers: { Location: signed, 'Cache-Control': 'private, no-store' } })

  const info = await o.storage.head(o.key)
  if (!info) throw AppError.notFound('File')
  // Output keys derive from the blueprint hash, so the key names the exact bytes.
  const etag = o.etag ?? `"${o.key.replace(/^.*\//, '').replace(/\.\w+$/, '')}"`
  const headers: Record<string, string> = {
    'Content-Type': o.contentType,
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Cache-Control': o.cacheControl ?? 'private, no-cache',
    'Content-Disposition': `${o.download ? 'attachment' : 'inline'}; filename="${o.filename}"`,
    'X-Content-Type-Options': 'nosniff',
  }
  if (o.ifNoneMatch?.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers })
  const range = parseByteRange(o.range, info.size)
  const body = o.head ? null : (Readable.toWeb((await o.storage.get(o.key, range ?? undefined)).stream) as ReadableStream<Uint8Array>)
  // Next.js drops Content-Length from route handler responses (it streams them chunked);
  // it is set anyway for other hosts, and Content-Range carries the size players need.
  if (!range) return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(info.size) } })
  return new Response(body, {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${info.size}`,
    },
  })
}
