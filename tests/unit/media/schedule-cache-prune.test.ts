import { existsSync } from 'node:fs'
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { scheduleCachePrune } from '@/lib/services/render-jobs/schedule-cache-prune'
import { logger } from '@/lib/shared/logger'
import { tempDir } from './helpers'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

async function oldFile(dir: string, name: string): Promise<string> {
  const file = join(dir, 'ab', name)
  await mkdir(join(dir, 'ab'), { recursive: true })
  await writeFile(file, 'x'.repeat(100))
  const t = new Date(Date.now() - 3_600_000)
  await utimes(file, t, t)
  return file
}

describe('the worker\'s cache prune schedule', () => {
  it('prunes after a job at most once per interval', async () => {
    const dir = await tempDir('prune-schedule')
    dirs.push(dir)
    let clock = 1_000_000
    const schedule = scheduleCachePrune({
      cacheDir: dir, maxBytes: 0, maxAgeMs: 86_400_000, keepRecentMs: 0, minIntervalMs: 60_000, log: logger, now: () => clock,
    })
    const a = await oldFile(dir, 'a.mp4')
    expect(await schedule.maybePrune()).toMatchObject({ removed: 1 })
    expect(existsSync(a)).toBe(false)

    const b = await oldFile(dir, 'b.mp4')
    clock += 59_000
    expect(await schedule.maybePrune()).toBeNull() // too soon: skipped
    expect(existsSync(b)).toBe(true)
    clock += 2_000
    expect(await schedule.maybePrune()).toMatchObject({ removed: 1 })
    expect(existsSync(b)).toBe(false)
  })

  it('never runs two prunes at once', async () => {
    const dir = await tempDir('prune-schedule-overlap')
    dirs.push(dir)
    await oldFile(dir, 'c.mp4')
    const schedule = scheduleCachePrune({ cacheDir: dir, maxBytes: 0, maxAgeMs: 86_400_000, keepRecentMs: 0, minIntervalMs: 0, log: logger })
    const [first, second] = await Promise.all([schedule.maybePrune(), schedule.maybePrune()])
    expect(first).toMatchObject({ removed: 1 })
    expect(second).toBeNull()
    expect(await schedule.maybePrune()).toMatchObject({ removed: 0 }) // free again once the first ended
  })
})
