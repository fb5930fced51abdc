import { createHash, randomBytes } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { ObjectSource } from '@/lib/engines/media/object-source'
import { obtainSource, SOURCE_DIR } from '@/lib/engines/media/source-cache'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { tempDir } from './helpers'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** A real LocalStorage that counts the downloads made through it. */
let storage: LocalStorage
let gets: string[]
let source: ObjectSource
let cacheDir: string

beforeEach(async () => {
  const root = await tempDir('source-cache-storage')
  cacheDir = await tempDir('source-cache')
  dirs.push(root, cacheDir)
  storage = new LocalStorage(root)
  gets = []
  source = {
    head: (key) => storage.head(key),
    get: (key) => {
      gets.push(key)
      return storage.get(key)
    },
  }
})

async function obtain(key: string, src: ObjectSource = source) {
  const head = await src.head(key)
  return obtainSource({ storage: src, key, head: head!, cacheDir, ext: '.mp4' })
}

describe('the source cache', () => {
  it('downloads a clip once; later jobs read the local copy, named by its content hash', async () => {
    const bytes = randomBytes(50_000)
    await storage.put('clips/demo/a.mp4', bytes)
    const first = await obtain('clips/demo/a.mp4')
    expect(first).toMatchObject({ sha256: sha(bytes), size: bytes.length, fetched: true })
    expect(first.file).toBe(join(cacheDir, SOURCE_DIR, `${sha(bytes)}.mp4`))
    const second = await obtain('clips/demo/a.mp4')
    expect(second).toEqual({ ...first, fetched: false })
    expect(gets).toEqual(['clips/demo/a.mp4'])
    expect((await readFile(second.file)).equals(bytes)).toBe(true)
  })

  it('fetches again when the object is rewritten under the same key (same size, other bytes)', async () => {
    const a = randomBytes(1000), b = randomBytes(1000)
    await storage.put('clips/demo/b.mp4', a)
    await obtain('clips/demo/b.mp4')
    await storage.put('clips/demo/b.mp4', b)
    const again = await obtain('clips/demo/b.mp4')
    expect(again).toMatchObject({ sha256: sha(b), fetched: true })
    expect((await readFile(again.file)).equals(b)).toBe(true)
    expect(gets).toHaveLength(2)
  })

  it('checks the local copy\'s hash on every use: a damaged copy is dropped and fetched anew', async () => {
    const bytes = randomBytes(2000)
    await storage.put('clips/demo/c.mp4', bytes)
    const { file } = await obtain('clips/demo/c.mp4')
    const damaged = Buffer.from(bytes)
    damaged[100] ^= 0xff // same size, one byte flipped
    await writeFile(file, damaged)
    const again = await obtain('clips/demo/c.mp4')
    expect(again).toMatchObject({ file, sha256: sha(bytes), fetched: true })
    expect((await readFile(file)).equals(bytes)).toBe(true)
    await rm(file)
    expect(await obtain('clips/demo/c.mp4')).toMatchObject({ file, fetched: true })
  })

  it('jobs fetching the same clip at once each get the complete file, and no partial file is left', async () => {
    const bytes = randomBytes(3_000_000)
    await storage.put('clips/demo/d.mp4', bytes)
    const all = await Promise.all(Array.from({ length: 4 }, () => obtain('clips/demo/d.mp4')))
    for (const r of all) expect(r).toMatchObject({ sha256: sha(bytes), file: all[0].file })
    expect(sha(await readFile(all[0].file))).toBe(sha(bytes))
    expect((await readdir(join(cacheDir, SOURCE_DIR))).filter((n) => n.endsWith('.partial'))).toEqual([])
    expect((await obtain('clips/demo/d.mp4')).fetched).toBe(false)
  })

  it('a storage that reports no version is read every time (nothing proves the copy still matches)', async () => {
    const bytes = randomBytes(100)
    await storage.put('clips/demo/e.mp4', bytes)
    const unversioned: ObjectSource = {
      head: async (key) => {
        const h = await storage.head(key)
        return h && { size: h.size }
      },
      get: source.get,
    }
    expect((await obtain('clips/demo/e.mp4', unversioned)).fetched).toBe(true)
    expect((await obtain('clips/demo/e.mp4', unversioned)).fetched).toBe(true)
    expect(gets).toHaveLength(2)
  })
})
