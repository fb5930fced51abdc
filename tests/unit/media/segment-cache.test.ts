import { existsSync } from 'node:fs'
import { rm, stat, utimes, writeFile } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { lookupSegment, pruneSegmentCache, reserveSegment, segmentPath } from '@/lib/engines/media/segment-cache'
import { tempDir } from './helpers'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

const key = (i: number) => `${String(i).padStart(2, '0')}${'f'.repeat(38)}`

describe('segment cache files', () => {
  it('appear only when committed, are found afterwards, and are touched on every hit', async () => {
    const dir = await tempDir('segment-cache')
    dirs.push(dir)
    const slot = await reserveSegment(dir, key(1))
    await writeFile(slot.partial, 'x'.repeat(100))
    expect(await lookupSegment(dir, key(1))).toBeNull()
    const file = await slot.commit()
    expect(file).toBe(segmentPath(dir, key(1)))
    const old = new Date(Date.now() - 86_400_000)
    await utimes(file, old, old)
    expect(await lookupSegment(dir, key(1))).toBe(file)
    expect((await stat(file)).mtimeMs).toBeGreaterThan(Date.now() - 60_000)
    expect(await lookupSegment(dir, key(1), 'm4a')).toBeNull()
  })

  it('prunes the least recently used files down to the budget, and stale partial files', async () => {
    const dir = await tempDir('segment-cache-prune')
    dirs.push(dir)
    const files: string[] = []
    for (let i = 0; i < 5; i++) {
      const slot = await reserveSegment(dir, key(i), i === 4 ? 'm4a' : 'mp4')
      await writeFile(slot.partial, 'x'.repeat(1000))
      files.push(await slot.commit())
      const t = new Date(Date.now() - (10 - i) * 60_000) // file 0 is the oldest
      await utimes(files[i], t, t)
    }
    const stale = (await reserveSegment(dir, key(7))).partial
    const fresh = (await reserveSegment(dir, key(8))).partial
    await writeFile(stale, 'p')
    await writeFile(fresh, 'p')
    const twoHoursAgo = new Date(Date.now() - 7_200_000)
    await utimes(stale, twoHoursAgo, twoHoursAgo)

    const r = await pruneSegmentCache({ cacheDir: dir, maxBytes: 2500 })
    expect(r.bytes).toBe(2000)
    expect(files.map((f) => existsSync(f))).toEqual([false, false, false, true, true])
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(fresh)).toBe(true) // may belong to a render in progress
    expect(r.removed).toBe(4)
  })
})
