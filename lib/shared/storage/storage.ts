import type { Readable } from 'node:stream'

/**
 * Where files live: local filesystem by default (local-storage.ts), S3 in production
 * (s3-storage.ts). Keys are server-generated, '/'-separated, under one of
 * the top-level prefixes; nothing user-supplied ever becomes a path.
 */
export interface StoredObject {
  size: number
  contentType?: string
  /** From head(): changes whenever the object's bytes may have (S3: ETag + Last-Modified;
   * local: inode + mtime). A render worker trusts its local copy of an object while it holds. */
  version?: string
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
