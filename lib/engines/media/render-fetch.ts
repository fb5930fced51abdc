import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ObjectInfo, ObjectSource } from './object-source'
import { RenderAbortError, RenderInputError } from './render-errors'

/**
 * Checks that every object a render needs exists before anything is downloaded or encoded:
 * a missing clip or song fails the job at once, with its key, and is never retried. Returns
 * what head() said of each (its version tells the source cache whether its copy still holds).
 */
export async function assertObjectsExist(
  storage: ObjectSource,
  keys: { key: string; role: 'clip' | 'song' }[],
  signal?: AbortSignal,
): Promise<Map<string, ObjectInfo>> {
  const found = new Map<string, ObjectInfo>()
  for (const { key, role } of keys) {
    if (signal?.aborted) throw new RenderAbortError(signal.reason)
    const info = await storage.head(key)
    if (!info) throw RenderInputError.invalid(`${role} missing: ${key}`)
    if (info.size === 0) throw RenderInputError.invalid(`${role} is empty: ${key}`)
    found.set(key, info)
  }
  return found
}

/**
 * Streams one object from storage into a local file, hashing it on the way (the hash keys
 * the segment cache: a re-uploaded clip under the same key never reuses stale segments).
 */
export async function fetchObject(storage: ObjectSource, key: string, file: string, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk)
      size += chunk.length
      done(null, chunk)
    },
  })
  try {
    const { stream } = await storage.get(key)
    await pipeline(stream, tap, createWriteStream(file), { signal })
  } catch (e) {
    if (signal?.aborted) throw new RenderAbortError(signal.reason)
    throw e
  }
  return { sha256: hash.digest('hex'), size }
}
