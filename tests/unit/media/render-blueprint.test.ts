import { createHash } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import { probeMedia, type ProbeResult } from '@/lib/engines/media/ffmpeg'
import { renderBlueprint, type RenderProgress } from '@/lib/engines/media/render-blueprint'
import { findMarkerOnsets } from '@/tests/fixtures/beat-marker/find-marker-onsets'
import { readMarkerFrames } from '@/tests/fixtures/beat-marker/read-marker-frames'
import type { LocalStorage } from '@/lib/shared/storage/local-storage'
import { DRIFT_SONG, FIRST_SONG, bestLag, blueprintFor, decodeMono, demoSong, storageWithSubset, tempDir, type SongFixture } from './helpers'

// End to end on real parts, no database: generated demo songs analysed by lib/engines/audio, blueprints
// from the engine over the 12-clip demo subset, real ffmpeg. The segment cache starts empty on
// every run (a temp dir), so the first render is honestly cold.
const FPS = 30
let songs: Record<string, SongFixture>
let storage: LocalStorage
let cacheDir: string
const dirs: string[] = []

beforeAll(async () => {
  songs = { [FIRST_SONG]: await demoSong(FIRST_SONG), [DRIFT_SONG]: await demoSong(DRIFT_SONG) }
  const s = await storageWithSubset(Object.values(songs))
  storage = s.storage
  cacheDir = await tempDir('render-cache')
  dirs.push(s.root, cacheDir)
}, 120_000)

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

async function render(bp: Blueprint) {
  const workDir = await tempDir('render-work')
  dirs.push(workDir)
  const progress: RenderProgress[] = []
  const result = await renderBlueprint({ blueprint: bp, storage, workDir, cacheDir, onProgress: (p) => { progress.push(p) } })
  return { result, progress }
}

/** Every file in the render cache with its size and inode. A hit only touches a file's mtime;
 * a write makes a new file (written aside, renamed in): a new inode. */
async function cacheFiles(): Promise<Map<string, string>> {
  const entries = await readdir(cacheDir, { recursive: true, withFileTypes: true })
  const files = new Map<string, string>()
  for (const e of entries.filter((x) => x.isFile())) {
    const file = path.join(e.parentPath, e.name)
    const st = await stat(file)
    files.set(path.relative(cacheDir, file), `${st.size}:${st.ino}`)
  }
  return files
}

/** Each analysed beat in the rendered span against the flashes found in the video frames. */
async function beatErrors(video: string, bp: Blueprint, song: SongFixture) {
  const onsets = findMarkerOnsets(await readMarkerFrames(video, { width: 1280, height: 720, fps: FPS })).map((o) => o.frame)
  const beats = song.analysis.beats.filter((b) => b >= bp.start - 1e-6 && b < bp.end - 0.5 / FPS).map((b) => (b - bp.start) * FPS)
  const nearest = (x: number, ys: number[]) => Math.min(...ys.map((y) => Math.abs(x - y)))
  return {
    beats: beats.length,
    onsets: onsets.length,
    /** Share of beats with a flash within one frame. */
    hit: beats.filter((b) => nearest(b, onsets) <= 1).length / beats.length,
    /** Share of flashes within one frame of a beat (no stray flashes). */
    precise: onsets.filter((o) => nearest(o, beats) <= 1).length / onsets.length,
  }
}

function stream(p: ProbeResult, type: 'video' | 'audio') {
  const s = p.streams?.find((x) => x.codec_type === type)
  expect(s, type).toBeDefined()
  return s as NonNullable<ProbeResult['streams']>[number] & { start_time?: string }
}

describe('renderBlueprint end to end', () => {
  let bp: Blueprint
  let cold: Awaited<ReturnType<typeof render>>

  it('renders an H.264 + AAC MP4 whose count flashes land on the song\'s beats', async () => {
    bp = blueprintFor(songs[FIRST_SONG], { durationSeconds: 40 })
    expect(bp.end - bp.start).toBeGreaterThan(30)
    cold = await render(bp)
    const { result } = cold
    const span = bp.end - bp.start

    const probe = await probeMedia(result.videoFile)
    const video = stream(probe, 'video'), audio = stream(probe, 'audio')
    expect(video.codec_name).toBe('h264')
    expect(audio.codec_name).toBe('aac')
    expect([video.width, video.height, video.r_frame_rate, video.pix_fmt]).toEqual([1280, 720, '30/1', 'yuv420p'])
    expect(Number(video.nb_frames)).toBe(Math.round(span * FPS))
    expect(Math.abs(Number(probe.format?.duration) - span)).toBeLessThanOrEqual(1 / FPS)
    expect(Math.abs(Number(audio.duration) - span)).toBeLessThanOrEqual(1 / FPS)
    expect(result.durationSeconds).toBeCloseTo(Math.round(span * FPS) / FPS, 9)
    // A/V start aligned: both streams start at 0 …
    expect(Number(video.start_time)).toBe(0)
    expect(Number(audio.start_time)).toBe(0)
    // … and the audio at 0 is the song at `start`, to the millisecond (no priming delay, no seek slop).
    const rate = 22050
    const [songPcm, outPcm] = await Promise.all([decodeMono(songs[FIRST_SONG].wav, rate), decodeMono(result.videoFile, rate)])
    const lag = bestLag(songPcm.subarray(Math.round(bp.start * rate)), outPcm, Math.round(0.04 * rate), 4 * rate)
    expect(Math.abs(lag) / rate).toBeLessThanOrEqual(0.001)

    const beats = await beatErrors(result.videoFile, bp, songs[FIRST_SONG])
    expect(beats.beats).toBeGreaterThan(60)
    expect(beats.hit).toBeGreaterThanOrEqual(0.95)
    expect(beats.precise).toBeGreaterThanOrEqual(0.95)

    // +faststart: the index precedes the media data.
    const bytes = await readFile(result.videoFile)
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'))
    const poster = await readFile(result.posterFile)
    expect([poster[0], poster[1]]).toEqual([0xff, 0xd8])
    expect(stream(await probeMedia(result.posterFile), 'video').width).toBe(640)

    // Progress: monotonic, stages in order, ends at 100.
    const values = cold.progress.map((p) => p.progress)
    expect(values.every((v, i) => i === 0 || v >= values[i - 1])).toBe(true)
    expect(values.at(-1)).toBe(100)
    const order = ['preparing', 'segments', 'joining', 'muxing', 'poster']
    const stages = cold.progress.map((p) => order.indexOf(p.stage))
    expect(stages.every((s, i) => s >= 0 && (i === 0 || s >= stages[i - 1]))).toBe(true)
    expect(new Set(cold.progress.map((p) => p.stage)).size).toBe(5)
    expect(result.segments).toBe(bp.moves.length)
  }, 120_000)

  // How much faster that is, is a figure of bench/render.bench.ts (its `warm` run), not a test.
  it('renders the same blueprint again from the caches, encoding nothing, to the same file', async () => {
    expect(cold, 'needs the cold render').toBeDefined()
    expect(cold.result.cache.segmentMisses).toBeGreaterThan(0)
    const before = await cacheFiles()
    const warm = await render(bp)
    // Every segment, the audio track and every source reused: counted by the render...
    expect(warm.result.segments).toBe(cold.result.segments)
    expect(warm.result.cache).toMatchObject({ segmentHits: warm.result.segments, segmentMisses: 0, audioHit: true, sourceMisses: 0 })
    expect(warm.result.cacheHits).toBe(warm.result.segments)
    // ...and seen from outside: nothing in the cache was written or rewritten.
    expect(await cacheFiles()).toEqual(before)
    const sha = async (f: string) => createHash('sha256').update(await readFile(f)).digest('hex')
    expect(await sha(warm.result.videoFile)).toBe(await sha(cold.result.videoFile))
  }, 60_000)

  it('follows a drifting live-band tempo count by count (sensual-drift-120, no overlays)', async () => {
    const song = songs[DRIFT_SONG]
    const drift = blueprintFor(song, { durationSeconds: 40, overlays: false, seed: 5 })
    // The song's tempo really moves inside the rendered span (else this proves nothing new).
    const beats = song.analysis.beats.filter((b) => b >= drift.start && b <= drift.end)
    const periods = beats.slice(1).map((b, i) => b - beats[i])
    expect(Math.max(...periods) - Math.min(...periods)).toBeGreaterThan(0.01)
    const { result } = await render(drift)
    const errors = await beatErrors(result.videoFile, drift, song)
    expect(errors.hit).toBeGreaterThanOrEqual(0.95)
    expect(errors.precise).toBeGreaterThanOrEqual(0.95)
  }, 120_000)
})
