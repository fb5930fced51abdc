import { execa } from 'execa'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ffmpegPath } from '@/lib/engines/media/ffmpeg'
import { DEFAULT_DEMO_LIBRARY_DIR, demoClipKey, demoPosterKey, installDemoLibrary } from '@/scripts/demo/library/install-demo-library'
import { renderSegment } from '@/lib/engines/media/render-segment'
import { demoSubset } from '@/scripts/demo/library/demo-catalog'
import { findMarkerOnsets } from '@/tests/fixtures/beat-marker/find-marker-onsets'
import { generateDemoLibrary } from '@/scripts/demo/library/generate-demo-library'
import { readMarkerFrames } from '@/tests/fixtures/beat-marker/read-marker-frames'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { tempDir } from './helpers'

const dirs: string[] = []
let clipFile: string
const move = demoSubset().find((m) => m.id === 'side-basic')!

beforeAll(async () => {
  const { manifest } = await generateDemoLibrary({ moves: demoSubset(), outDir: DEFAULT_DEMO_LIBRARY_DIR })
  clipFile = join(DEFAULT_DEMO_LIBRARY_DIR, manifest.clips.find((c) => c.id === move.id)!.file)
}, 120_000)
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

/** RGB crops of the bottom-right corner (where the count overlay sits), one per frame. */
async function cornerFrames(file: string): Promise<Uint8Array[]> {
  const [w, h] = [200, 150]
  const { stdout } = await execa(ffmpegPath(), ['-v', 'error', '-i', file, '-vf', `crop=${w}:${h}:1280-${w}:720-${h}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], {
    encoding: 'buffer', timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
  })
  const bytes = stdout as unknown as Uint8Array
  const size = w * h * 3
  return Array.from({ length: bytes.length / size }, (_, i) => bytes.subarray(i * size, (i + 1) * size))
}

describe('one segment', () => {
  // A 124 BPM clip danced to a slightly uneven band: counts 14–15 frames apart, starting 6 frames in.
  const clipTimes = Array.from({ length: 9 }, (_, k) => move.firstCountOffset + (k * 60) / move.nativeBpm)
  const countFrames = [6, 20, 35, 49, 63, 78, 92, 107, 121]
  const frames = 130

  it('retimes the clip so each count flashes on its frame, and burns in the count with the taps in amber', async () => {
    const dir = await tempDir('render-segment')
    dirs.push(dir)
    const outFile = join(dir, 'segment.mp4')
    await renderSegment({
      clipFile, clipFps: 30, clipSize: { width: 960, height: 540 }, clipTimes, countFrames, frames,
      output: { width: 1280, height: 720, fps: 30 }, overlay: { counts: true, moveName: 'Side basic' },
      outFile, scratchDir: join(dir, 'scratch'), threads: 2, timeoutMs: 60_000,
    })
    expect(await readdir(dir)).toEqual(['segment.mp4']) // scratch files cleaned up

    const onsets = findMarkerOnsets(await readMarkerFrames(outFile, { width: 1280, height: 720 })).map((o) => o.frame)
    expect(onsets).toEqual(countFrames.slice(0, 8))

    const corner = await cornerFrames(outFile)
    expect(corner).toHaveLength(frames)
    const kind = (f: Uint8Array) => {
      let white = 0, amber = 0
      for (let i = 0; i < f.length; i += 3) {
        if (f[i] > 200 && f[i + 1] > 200 && f[i + 2] > 200) white++
        else if (f[i] > 200 && f[i + 1] > 120 && f[i + 2] < 90) amber++
      }
      return white > 50 ? 'white' : amber > 50 ? 'amber' : 'none'
    }
    const expected = (j: number) => {
      const k = countFrames.findLastIndex((f) => f <= j)
      if (k < 0 || k >= 8) return 'none'
      return k === 3 || k === 7 ? 'amber' : 'white'
    }
    const got = corner.map(kind)
    expect(got).toEqual(Array.from({ length: frames }, (_, j) => expected(j)))
    // The digit changes exactly when the count does (and nowhere else).
    const diff = (a: Uint8Array, b: Uint8Array) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / a.length
    const changes = corner.map((f, j) => (j > 0 && diff(f, corner[j - 1]) > 2 ? j : -1)).filter((j) => j > 0)
    expect(changes).toEqual(countFrames.slice(0, 9).filter((f) => f < frames))
  }, 60_000)
})

describe('a clip of another aspect', () => {
  it('is scaled to fit and padded with black bars, never stretched', async () => {
    const dir = await tempDir('render-segment-43')
    dirs.push(dir)
    const clip = join(dir, 'four-three.mp4')
    await execa(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=white:s=640x480:r=30:d=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-y', clip], { timeout: 30_000 })
    const outFile = join(dir, 'segment.mp4')
    await renderSegment({
      clipFile: clip, clipFps: 30, clipSize: { width: 640, height: 480 }, clipTimes: [0, 0.5, 1], countFrames: [0, 15, 30], frames: 40,
      output: { width: 1280, height: 720, fps: 30 }, overlay: { counts: false, moveName: null },
      outFile, scratchDir: join(dir, 'scratch'), threads: 1, timeoutMs: 60_000,
    })
    // One luma row through the middle of the last frame: bars of (1280 − 960) / 2 = 160 px.
    const { stdout } = await execa(ffmpegPath(), ['-v', 'error', '-sseof', '-0.1', '-i', outFile, '-frames:v', '1', '-vf', 'crop=1280:1:0:360,format=gray', '-f', 'rawvideo', 'pipe:1'], { encoding: 'buffer', timeout: 30_000 })
    const row = stdout as unknown as Uint8Array
    expect(row).toHaveLength(1280)
    expect(Math.max(...row.subarray(0, 150))).toBeLessThan(40)
    expect(Math.max(...row.subarray(1130))).toBeLessThan(40)
    expect(Math.min(...row.subarray(170, 1110))).toBeGreaterThan(200)
  }, 60_000)
})

describe('installDemoLibrary', () => {
  it('uploads each clip (and poster) once, where the seed expects them', async () => {
    const root = await tempDir('render-install')
    dirs.push(root)
    const storage = new LocalStorage(root)
    const first = await installDemoLibrary({ storage, subset: true })
    expect(first).toEqual({ uploaded: 12, skipped: 0, posters: 12 })
    for (const m of demoSubset()) {
      expect((await storage.head(demoClipKey(m.id)))?.size).toBeGreaterThan(1000)
      expect((await storage.head(demoPosterKey(m.id)))?.size).toBeGreaterThan(1000)
    }
    expect(await installDemoLibrary({ storage, subset: true })).toEqual({ uploaded: 0, skipped: 12, posters: 0 })
  }, 120_000)
})
