import { moveAt } from '@/tests/fixtures/choreography/move-at'
import { existsSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import type { Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import { demoSubsetLibrary } from '@/tests/fixtures/choreography/demo-library'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { AppError } from '@/lib/shared/errors'
import { isRenderInputError, isRetryableRenderError, renderBlueprint } from '@/lib/engines/media/render-blueprint'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { FIRST_SONG, demoSong, songKey, storageWithSubset, tempDir } from './helpers'

// Bad input must fail fast, before FFmpeg, with a 4xx the queue will not retry. The "spy" is
// the job's workDir: for key problems it is never even created; for a missing object nothing
// is downloaded into it.
const analysis = generateAnalysis({ seed: 11, bpm: 124, sections: [{ label: 'intro', phrases: 1 }, { label: 'verse', phrases: 3 }] })
const good = buildBlueprint({ analysis, params: {}, library: demoSubsetLibrary(), seed: 2, song: { id: 's', storageKey: 'songs/s.wav' } })
const dirs: string[] = []
let storage: LocalStorage

beforeAll(async () => {
  const root = await tempDir('render-sec-storage')
  dirs.push(root)
  storage = new LocalStorage(root)
})
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

async function attempt(blueprint: unknown, store: LocalStorage = storage) {
  const base = await tempDir('render-sec')
  dirs.push(base)
  const workDir = join(base, 'work')
  const error = await renderBlueprint({ blueprint, storage: store, workDir, cacheDir: join(base, 'cache') }).then(
    () => null,
    (e: unknown) => e,
  )
  const files = existsSync(workDir) ? await readdir(workDir, { recursive: true }) : null
  return { error: error as AppError, workDirFiles: files, cacheCreated: existsSync(join(base, 'cache')) }
}

const withKeys = (clipKey: string | null, song: string | null): Blueprint => {
  const b = structuredClone(good)
  if (clipKey !== null) moveAt(b, 1).clipKey = clipKey
  if (song !== null) b.song.storageKey = song
  return b
}

describe('render input security', () => {
  const cases: [string, Blueprint][] = [
    ['a ../ clip key', withKeys('clips/../songs/s.wav', null)],
    ['a clip key climbing out of the root', withKeys('clips/demo/../../../etc/passwd', null)],
    ['an absolute clip path', withKeys('/etc/passwd', null)],
    ['a clip key under songs/', withKeys('songs/s.wav', null)],
    ['a clip key under outputs/', withKeys('outputs/someone-else.mp4', null)],
    ['a song key under clips/', withKeys(null, 'clips/demo/side-basic.mp4')],
    ['a song key under uploads/', withKeys(null, 'uploads/x.wav')],
    ['an absolute song path', withKeys(null, '/etc/passwd')],
    ['a ../ song key', withKeys(null, 'songs/../outputs/x.mp4')],
  ]
  for (const [name, bp] of cases) {
    it(`rejects ${name} before anything runs`, async () => {
      const r = await attempt(bp)
      expect(isRenderInputError(r.error)).toBe(true)
      expect([400, 422]).toContain(r.error.status)
      expect(r.error.code).toMatch(/^render_input_/)
      expect(isRetryableRenderError(r.error)).toBe(false)
      expect(r.workDirFiles).toBeNull()
      expect(r.cacheCreated).toBe(false)
    })
  }

  it('rejects a blueprint that is not one, with field messages', async () => {
    for (const bad of [null, 'x', { ...good, version: 4 }, { ...good, moves: [] }, { ...good, end: good.start }]) {
      const r = await attempt(bad)
      expect(r.error).toBeInstanceOf(AppError)
      expect(r.error.status).toBe(422)
      expect(isRetryableRenderError(r.error)).toBe(false)
      expect(r.workDirFiles).toBeNull()
    }
  })

  it('fails a missing clip with a non-retryable 422 naming it, before downloading anything', async () => {
    await storage.put('songs/s.wav', Buffer.from('not really audio'))
    const r = await attempt(good)
    expect(isRenderInputError(r.error)).toBe(true)
    expect(r.error.status).toBe(422)
    expect(r.error.message).toBe(`clip missing: ${moveAt(good, 0).clipKey}`)
    expect(r.error.code).toBe('render_input_invalid')
    expect(isRetryableRenderError(r.error)).toBe(false)
    expect(r.workDirFiles ?? []).toEqual([])
  })

  it('fails a missing song and an unreadable clip the same way', async () => {
    const song = await demoSong(FIRST_SONG)
    const { storage: full, root } = await storageWithSubset([])
    dirs.push(root)
    const bp = withKeys(null, songKey(song.name))
    let r = await attempt(bp, full)
    expect(r.error.message).toBe(`song missing: ${songKey(song.name)}`)
    expect(isRetryableRenderError(r.error)).toBe(false)

    await full.putFile(songKey(song.name), song.wav)
    await full.put(moveAt(bp, 2).clipKey, Buffer.from('garbage, not a video'))
    r = await attempt(bp, full)
    expect(isRenderInputError(r.error)).toBe(true)
    expect(r.error.message).toBe(`clip unreadable: ${moveAt(bp, 2).clipKey}`)
    expect(r.error.status).toBe(422)
  })
})
