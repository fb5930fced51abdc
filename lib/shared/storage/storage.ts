import type { Readable } from 'node:stream'
import { AppError } from '@/lib/shared/errors'

/**
 * Where files live: local filesystem by default (local-storage.ts), S3 in production
 * (s3-storage.ts). Keys are server-generated, '/'-separated, under one of
 * the top-level prefixes; nothing user-supplied ever becomes a path.
 */
export interface StoredObject {
  size: number
  contentType?: string
}

export interface ByteRange {
  start: number
  /** inclusive */
  end: number
}

export interface Storage {
  put(key: string, body: Readable | Buffer, opts?: { contentType?: string }): Promise<StoredObject>
  putFile(key: string, file: string, opts?: { contentType?: string }): Promise<StoredObject>
  get(key: string, range?: ByteRange): Promise<{ stream: Readable } & StoredObject>
  head(key: string): Promise<StoredObject | null>
  delete(key: string): Promise<void>
  list(prefix: string): Promise<string[]>
  /** A short-lived URL a browser can fetch directly, or null when the app must serve it. */
  signedUrl(key: string, opts?: { expiresInSeconds?: number; downloadName?: string }): Promise<string | null>
}

export const STORAGE_PREFIXES = ['clips', 'songs', 'outputs', 'uploads', 'posters'] as const
const KEY = /^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)+$/i

/** Throws unless `key` is a plain relative key under a known prefix: no '..', no absolute
 * paths, no empty or dot segments, no backslashes. */
export function assertSafeKey(key: string, allowedPrefixes: readonly string[] = STORAGE_PREFIXES): void {
  const ok =
    typeof key === 'string' && key.length <= 512 && KEY.test(key) &&
    !key.split('/').some((s) => s === '.' || s === '..' || s.startsWith('..')) &&
    allowedPrefixes.includes(key.split('/')[0])
  if (!ok) throw AppError.badRequest(`Invalid storage key: ${JSON.stringify(String(key).slice(0, 80))}`)
}
