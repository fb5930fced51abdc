import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@/lib/shared/errors'
import { makePoster } from '@/lib/engines/media/make-poster'
import { normalizeClip } from '@/lib/engines/media/normalize-clip'
import { probeClip } from '@/lib/engines/media/probe-clip'
import { probeMedia } from '@/lib/engines/media/ffmpeg'
import { demoSubset } from '@/scripts/demo/library/demo-catalog'
import { findMarkerOnsets } from '@/tests/fixtures/beat-marker/find-marker-onsets'
import { generateDemoLibrary, type DemoLibraryManifest } from '@/scripts/demo/library/generate-demo-library'
import { LIBRARY_FORMAT } from '@/lib/engines/media/library-format'
import { clipDurationSeconds, expectedFlashFrames } from '@/scripts/demo/library/beat-marker'
import { readMarkerFrames } from '@/tests/fixtures/beat-marker/read-marker-frames'
import { FIXTURE_DIR, audioOnlyMp4, foreignClip, pngNamedMp4, tenMinuteClip } from './helpers/media-fixtures'

const LIBRARY_DIR = join(FIXTURE_DIR, 'demo-subset')
let manifest: DemoLibraryManifest

beforeAll(async () => {
  // Cached by annotation hash: only the first run on a machine pays the ~10 s of encoding.
  manifest = (await generateDemoLibrary({ moves: demoSubset(), outDir: LIBRARY_DIR })).manifest
}, 180_000)

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err)
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

describe('demo library clips (12-clip subset)', () => {
  it('renders every subset move as H.264 in the library format with the right length', async () => {
    expect(manifest.clips.map((c) => c.id)).toEqual(demoSubset().map((m) => m.id))
    for (const move of demoSubset()) {
      const entry = manifest.clips.find((c) => c.id === move.id)!
      const info = await probeClip(join(LIBRARY_DIR, entry.file))
      expect(info).toMatchObject({ codec: 'h264', width: LIBRARY_FORMAT.width, height: LIBRARY_FORMAT.height, pixelFormat: 'yuv420p', hasAudio: false })
      expect(info.fps).toBe(LIBRARY_FORMAT.fps)
      expect(Math.abs(info.durationSeconds - clipDurationSeconds(move))).toBeLessThan(1.5 / LIBRARY_FORMAT.fps)
    }
  })

  it('flashes the beat marker on the first frame of every count, and only then', async () => {
    for (const move of demoSubset()) {
      const entry = manifest.clips.find((c) => c.id === move.id)!
      const frames = await readMarkerFrames(join(LIBRARY_DIR, entry.file), { width: LIBRARY_FORMAT.width, height: LIBRARY_FORMAT.height })
      const onsets = findMarkerOnsets(frames).map((o) => o.frame)
      expect(onsets, move.id).toEqual(expectedFlashFrames(move))
      // White lasts 100 ms = 3 frames at 30 fps, then black again.
      const white = frames.frames.filter((f) => f[f.length >> 1] > 128).length
      expect(white).toBe(move.counts * 3)
    }
  })

  it('puts the moov atom first (faststart)', async () => {
    const bytes = await readFile(join(LIBRARY_DIR, manifest.clips[0].file))
    expect(bytes.indexOf('moov')).toBeGreaterThan(0)
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'))
  })

  it('reuses cached clips when nothing changed', async () => {
    const again = await generateDemoLibrary({ moves: demoSubset(), outDir: LIBRARY_DIR })
    expect(again.rendered).toBe(0)
    expect(again.cached).toBe(12)
  })
})

describe('probeClip rejects what is not a usable dance clip', () => {
  it('a PNG renamed .mp4', async () => {
    const e = await rejection(probeClip(await pngNamedMp4()))
    expect(e.status).toBe(415)
    expect(e.message).toMatch(/still image/)
  })
  it('a 0-byte file', async () => {
    const empty = join(FIXTURE_DIR, 'empty.mp4')
    await writeFile(empty, '')
    const e = await rejection(probeClip(empty))
    expect(e.status).toBe(400)
    expect(e.message).toMatch(/empty/)
  })
  it('a 10-minute clip', async () => {
    const e = await rejection(probeClip(await tenMinuteClip()))
    expect(e.status).toBe(422)
    expect(e.message).toMatch(/600 s long; the limit is 60 s/)
  })
  it('an audio-only file', async () => {
    const e = await rejection(probeClip(await audioOnlyMp4()))
    expect(e.status).toBe(415)
    expect(e.message).toMatch(/no video stream/)
  })
  it('random bytes and a too-large file', async () => {
    const junk = join(FIXTURE_DIR, 'junk.mp4')
    await writeFile(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)))
    expect((await rejection(probeClip(junk))).status).toBe(415)
    const big = await rejection(probeClip(await foreignClip(), { maxBytes: 1000 }))
    expect(big.status).toBe(413)
    expect((await rejection(probeClip(join(FIXTURE_DIR, 'does-not-exist.mp4')))).status).toBe(400)
  })
})

describe('normalizeClip and makePoster', () => {
  it('turns a foreign upload into the library format, once', async () => {
    const out = join(FIXTURE_DIR, 'normalized.mp4')
    const info = await normalizeClip(await foreignClip(), out)
    expect(info).toMatchObject({ codec: 'h264', width: 960, height: 540, pixelFormat: 'yuv420p', hasAudio: false, fps: 30 })
    expect(Math.abs(info.durationSeconds - 2)).toBeLessThan(0.1)
    const bytes = await readFile(out)
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'))
  })

  it('keeps the beat marker timing of a library clip', async () => {
    const move = demoSubset()[0]
    const entry = manifest.clips.find((c) => c.id === move.id)!
    const out = join(FIXTURE_DIR, 'renormalized.mp4')
    await normalizeClip(join(LIBRARY_DIR, entry.file), out)
    const frames = await readMarkerFrames(out, { width: 960, height: 540 })
    expect(findMarkerOnsets(frames).map((o) => o.frame)).toEqual(expectedFlashFrames(move))
  })

  it('makes a JPEG poster', async () => {
    const out = join(FIXTURE_DIR, 'poster.jpg')
    await makePoster(join(LIBRARY_DIR, manifest.clips[0].file), out, { durationSeconds: manifest.clips[0].durationSeconds })
    const bytes = await readFile(out)
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8])
    const probe = await probeMedia(out)
    expect(probe.streams?.[0]).toMatchObject({ codec_name: 'mjpeg', width: 640, height: 360 })
  })

  it('a poster from something that is not a video is a clear 415', async () => {
    const e = await rejection(makePoster(await audioOnlyMp4(), join(FIXTURE_DIR, 'nope.jpg')))
    expect(e.status).toBe(415)
  })
})
