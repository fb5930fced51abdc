import { rm, stat, utimes, writeFile } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { lookupSegment, reserveSegment, segmentPath } from '@/lib/engines/media/segment-cache'
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
})
