import { existsSync } from 'node:fs'
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { pruneRenderCache } from '@/lib/engines/media/prune-render-cache'
import { reserveSegment } from '@/lib/engines/media/segment-cache'
import { SOURCE_DIR, SOURCE_INDEX_DIR } from '@/lib/engines/media/source-cache'
import { tempDir } from './helpers'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

const MIN = 60_000
const DAY = 86_400_000
const key = (i: number) => `${String(i).padStart(2, '0')}${'f'.repeat(38)}`

/** A file of `bytes` bytes last used `ago` ms before now. */
async function plant(file: string, bytes: number, ago: number): Promise<string> {
  await mkdir(join(file, '..'), { recursive: true })
  await writeFile(file, 'x'.repeat(bytes))
  const t = new Date(Date.now() - ago)
  await utimes(file, t, t)
  return file
}

async function cacheDir(): Promise<string> {
  const dir = await tempDir('render-cache-prune')
  dirs.push(dir)
  return dir
}

describe('pruneRenderCache', () => {
  it('deletes the least recently used files, segments and sources alike, until the rest fits the budget', async () => {
    const dir = await cacheDir()
    const segment = async (i: number, ext: 'mp4' | 'm4a', ago: number) => {
      const slot = await reserveSegment(dir, key(i), ext)
      await writeFile(slot.partial, '')
      return plant(await slot.commit(), 1000, ago)
    }
    // Oldest first: a segment, a source clip, the audio, a source index entry, a segment.
    const files = [
      await segment(0, 'mp4', 50 * MIN),
      await plant(join(dir, SOURCE_DIR, `${'a'.repeat(64)}.mp4`), 1000, 40 * MIN),
      await segment(1, 'm4a', 30 * MIN),
      await plant(join(dir, SOURCE_INDEX_DIR, `${'b'.repeat(40)}.json`), 500, 20 * MIN),
      await segment(2, 'mp4', 10 * MIN),
    ]
    const r = await pruneRenderCache({ cacheDir: dir, maxBytes: 1600, maxAgeMs: 30 * DAY, keepRecentMs: 0 })
    expect(files.map((f) => existsSync(f))).toEqual([false, false, false, true, true])
    expect(r).toEqual({ removed: 3, removedBytes: 3000, files: 2, bytes: 1500 })
  })

  it('deletes files unused for longer than the age limit even under budget', async () => {
    const dir = await cacheDir()
    const old = await plant(join(dir, SOURCE_DIR, `${'c'.repeat(64)}.mp4`), 10, 8 * DAY)
    const used = await plant(join(dir, 'ab', `${key(3)}.mp4`), 10, 6 * DAY)
    const r = await pruneRenderCache({ cacheDir: dir, maxBytes: 1e9, maxAgeMs: 7 * DAY, keepRecentMs: 0 })
    expect([existsSync(old), existsSync(used)]).toEqual([false, true])
    expect(r).toMatchObject({ removed: 1, files: 1, bytes: 10 })
  })

  it('never deletes a file used within keepRecentMs (a running render may read it), even over budget', async () => {
    const dir = await cacheDir()
    const stale = await plant(join(dir, 'cd', `${key(4)}.mp4`), 1000, 2 * 60 * MIN)
    const inUse = await plant(join(dir, SOURCE_DIR, `${'d'.repeat(64)}.mp4`), 1000, 5 * MIN)
    const r = await pruneRenderCache({ cacheDir: dir, maxBytes: 0, maxAgeMs: 30 * DAY, keepRecentMs: 30 * MIN })
    expect([existsSync(stale), existsSync(inUse)]).toEqual([false, true])
    expect(r).toMatchObject({ removed: 1, files: 1, bytes: 1000 })
  })

  it('deletes partial files older than an hour (left by a killed worker), not fresher ones', async () => {
    const dir = await cacheDir()
    const stale = await plant(join(dir, SOURCE_DIR, 'x.partial'), 5, 2 * 60 * MIN)
    const fresh = await plant(join(dir, 'ef', `${key(5)}.mp4.y.partial`), 5, 5 * MIN)
    const r = await pruneRenderCache({ cacheDir: dir, maxBytes: 0, maxAgeMs: 30 * DAY, keepRecentMs: 0 })
    expect([existsSync(stale), existsSync(fresh)]).toEqual([false, true])
    // A partial file is neither counted nor deleted for the budget: it may be a render's output in the making.
    expect(r).toMatchObject({ removed: 1, files: 0, bytes: 0 })
  })

  it('an empty or missing cache dir prunes nothing', async () => {
    const dir = await cacheDir()
    const report = { removed: 0, removedBytes: 0, files: 0, bytes: 0 }
    expect(await pruneRenderCache({ cacheDir: dir, maxBytes: 0, maxAgeMs: 0, keepRecentMs: 0 })).toEqual(report)
    expect(await pruneRenderCache({ cacheDir: join(dir, 'none'), maxBytes: 0, maxAgeMs: 0, keepRecentMs: 0 })).toEqual(report)
  })
})
