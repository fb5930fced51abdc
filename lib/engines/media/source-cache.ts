import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import type { ObjectInfo, ObjectSource } from './object-source'
import { fetchObject } from './render-fetch'

/**
 * The clips and songs renders read, kept on the worker's disk by content hash across jobs
 * (`<cacheDir>/sources/<sha256><ext>`): a library clip is downloaded once per worker, not
 * once per job. One index entry per storage key (`<cacheDir>/source-index/<hash of key>.json`)
 * remembers which content the key held at which version (storage's head()). While storage
 * reports the same version and size, the local copy serves, after its hash is checked again
 * (a damaged copy is dropped and fetched anew); any other version is fetched. Files and
 * index entries appear by rename, so jobs racing on one object both write complete,
 * identical files and a reader never sees half of one. A hit touches both (the pruner
 * drops the least recently used first).
 */
export const SOURCE_DIR = 'sources'
export const SOURCE_INDEX_DIR = 'source-index'

export interface CachedSource {
  file: string
  sha256: string
  size: number
  /** Downloaded by this call (false: the local copy served). */
  fetched: boolean
}

const IndexEntrySchema = z.object({
  key: z.string(),
  version: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ext: z.string().regex(/^(\.[a-z0-9]{1,5})?$/),
})
type IndexEntry = z.infer<typeof IndexEntrySchema>

const indexPath = (cacheDir: string, key: string) =>
  join(cacheDir, SOURCE_INDEX_DIR, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`)
const sourcePath = (cacheDir: string, sha256: string, ext: string) => join(cacheDir, SOURCE_DIR, `${sha256}${ext}`)

export async function hashFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash, { signal })
  return hash.digest('hex')
}

/**
 * The object at `key` as a local file in the cache. `head` is what storage reported for it
 * just before (the caller checked it exists); `ext` a safe extension for the local name.
 */
export async function obtainSource(o: {
  storage: ObjectSource
  key: string
  head: ObjectInfo
  cacheDir: string
  ext: string
  signal?: AbortSignal
}): Promise<CachedSource> {
  const index = indexPath(o.cacheDir, o.key)
  const known = o.head.version ? await readIndex(index, o.key) : null
  if (known && known.version === o.head.version && known.size === o.head.size) {
    const file = sourcePath(o.cacheDir, known.sha256, known.ext)
    const size = await stat(file).then((s) => s.size, () => -1)
    if (size === known.size && (await hashFile(file, o.signal).catch(() => null)) === known.sha256) {
      const now = new Date()
      await Promise.all([utimes(file, now, now), utimes(index, now, now)].map((p) => p.catch(() => undefined)))
      return { file, sha256: known.sha256, size, fetched: false }
    }
    await rm(file, { force: true }) // damaged or half gone: fetch it again below
  }

  await mkdir(join(o.cacheDir, SOURCE_DIR), { recursive: true })
  const partial = join(o.cacheDir, SOURCE_DIR, `${randomUUID()}.partial`)
  try {
    const { sha256, size } = await fetchObject(o.storage, o.key, partial, o.signal)
    const file = sourcePath(o.cacheDir, sha256, o.ext)
    await rename(partial, file)
    // Only what was fetched at the version head() named may be remembered for that version.
    if (o.head.version && size === o.head.size) {
      await writeIndex(index, { key: o.key, version: o.head.version, size, sha256, ext: o.ext })
    }
    return { file, sha256, size, fetched: true }
  } finally {
    await rm(partial, { force: true })
  }
}

async function readIndex(file: string, key: string): Promise<IndexEntry | null> {
  const text = await readFile(file, 'utf8').catch(() => null)
  if (text === null) return null
  try {
    const entry = IndexEntrySchema.safeParse(JSON.parse(text))
    return entry.success && entry.data.key === key ? entry.data : null
  } catch {
    return null
  }
}

async function writeIndex(file: string, entry: IndexEntry): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true })
  const tmp = `${file}.${randomUUID()}.partial`
  try {
    await writeFile(tmp, JSON.stringify(entry))
    await rename(tmp, file)
  } finally {
    await rm(tmp, { force: true })
  }
}
