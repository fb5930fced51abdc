import { readdir, rm } from 'node:fs/promises'
import { basename } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RenderAbortError, isRetryableRenderError, renderBlueprint, type RenderProgress } from '@/lib/engines/media/render-blueprint'
import type { LocalStorage } from '@/lib/shared/storage/local-storage'
import { FIRST_SONG, blueprintFor, demoSong, ffmpegProcessesMentioning, storageWithSubset, tempDir } from './helpers'

const dirs: string[] = []
let storage: LocalStorage

beforeAll(async () => {
  const s = await storageWithSubset([await demoSong(FIRST_SONG)])
  storage = s.storage
  dirs.push(s.root)
}, 120_000)
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

describe('aborting a render', () => {
  it('kills ffmpeg at once, rejects with an AbortError and leaves no process or partial file behind', async () => {
    const bp = blueprintFor(await demoSong(FIRST_SONG), { durationSeconds: 40 })
    const workDir = await tempDir('render-abort-work')
    const cacheDir = await tempDir('render-abort-cache')
    dirs.push(workDir, cacheDir)
    const controller = new AbortController()
    const progress: RenderProgress[] = []
    let runningSeen = false
    let abortedAt = 0

    const rendering = renderBlueprint({
      blueprint: bp, storage, workDir, cacheDir, signal: controller.signal,
      onProgress: (p) => {
        progress.push(p)
        if (p.stage !== 'segments' || abortedAt) return
        abortedAt = -1
        // Outside the (awaited) callback: wait until the segment encodes really are running
        // (on a loaded machine the first one can take well over half a second to start), then abort.
        setTimeout(async () => {
          const until = performance.now() + 15_000
          while (!runningSeen && performance.now() < until) {
            runningSeen = (await ffmpegProcessesMentioning(basename(workDir))).length > 0
            if (!runningSeen) await new Promise((r) => setTimeout(r, 50))
          }
          abortedAt = performance.now()
          controller.abort()
        }, 200)
      },
    })
    const error = await rendering.then(() => null, (e: unknown) => e)
    const secondsToReject = (performance.now() - abortedAt) / 1000

    expect(runningSeen).toBe(true)
    expect(error).toBeInstanceOf(RenderAbortError)
    expect((error as Error).name).toBe('AbortError')
    expect(isRetryableRenderError(error)).toBe(false)
    expect(secondsToReject).toBeLessThan(2)
    expect(await ffmpegProcessesMentioning(basename(workDir))).toEqual([])
    const cached = await readdir(cacheDir, { recursive: true })
    expect(cached.filter((f) => String(f).endsWith('.partial'))).toEqual([])
    expect(progress.at(-1)!.progress).toBeLessThan(100)
  }, 120_000)

  it('does not start at all when the signal has already fired', async () => {
    const bp = blueprintFor(await demoSong(FIRST_SONG), { durationSeconds: 40 })
    const workDir = await tempDir('render-abort-early')
    dirs.push(workDir)
    const error = await renderBlueprint({ blueprint: bp, storage, workDir: `${workDir}/job`, cacheDir: `${workDir}/cache`, signal: AbortSignal.abort() }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(RenderAbortError)
    expect(await readdir(workDir)).toEqual([])
  })
})
