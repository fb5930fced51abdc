import { execa } from 'execa'
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { movesOf, videoStartOf, type Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import { ffmpegPath, probeMedia } from '@/lib/engines/media/ffmpeg'
import { renderBlueprint } from '@/lib/engines/media/render-blueprint'
import { planRender } from '@/lib/engines/media/render-plan'
import { overlayFilters, overlayTexts } from '@/lib/engines/media/render-overlay'
import type { LocalStorage } from '@/lib/shared/storage/local-storage'
import { FIRST_SONG, bestLag, blueprintFor, decodeMono, demoSong, storageWithSubset, tempDir, type SongFixture } from './helpers'

// The demo song (analysed by lib/engines/audio) with the engine's default count-in, rendered by
// real ffmpeg. The song's first beat is its first count one, so the count-in is counts 5–8 of
// the first 8-count and the dance starts on the second count one.
const FPS = 30
const W = 160, H = 90
const dirs: string[] = []
let song: SongFixture
let storage: LocalStorage
let bp: Blueprint

beforeAll(async () => {
  song = await demoSong(FIRST_SONG)
  const s = await storageWithSubset([song])
  storage = s.storage
  dirs.push(s.root)
  bp = blueprintFor(song, { durationSeconds: 16, countIn: true, overlays: false })
}, 120_000)

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

/** The value the count text's %{eif:…} expression takes at segment frame n (ffmpeg's gte in JS). */
function countTextAt(text: string, n: number): number {
  return Number(new Function('n', `const gte = (a, b) => (a >= b ? 1 : 0); return ${text.slice(6, -3)}`)(n))
}

async function grayFrames(file: string): Promise<Uint8Array[]> {
  const { stdout } = await execa(ffmpegPath(), ['-v', 'error', '-i', file, '-vf', `scale=${W}:${H},format=gray`, '-f', 'rawvideo', 'pipe:1'], { encoding: 'buffer', maxBuffer: 1 << 30 })
  const buf = stdout as unknown as Uint8Array
  return Array.from({ length: buf.length / (W * H) }, (_, i) => buf.subarray(i * W * H, (i + 1) * W * H))
}
/** Mean absolute difference over the middle of the picture, where the count-in number sits. */
const middleDiff = (a: Uint8Array, b: Uint8Array) => {
  let s = 0, n = 0
  for (let y = Math.floor(H / 4); y < Math.ceil((3 * H) / 4); y++) for (let x = W / 4; x < (3 * W) / 4; x++) { s += Math.abs(a[y * W + x] - b[y * W + x]); n++ }
  return s / n
}

describe('the count-in in the render', () => {
  it('plans four count frames on the song\'s four beats before the first move, then the moves as before', () => {
    const first = song.analysis.countOne.findIndex((c) => c === bp.start)
    expect(first).toBeGreaterThanOrEqual(0)
    const beats = song.analysis.beats.filter((b) => b < bp.start - 1 / FPS).slice(-4)
    expect(bp.countIn!.calls).toEqual([5, 6, 7, 8])
    bp.countIn!.beatTimes.slice(0, 4).forEach((t, k) => expect(Math.abs(t - beats[k])).toBeLessThanOrEqual(1 / FPS))

    const plan = planRender(bp)
    const video0 = videoStartOf(bp)
    expect(video0).toBe(bp.countIn!.beatTimes[0])
    const [countIn, firstMove] = plan.segments
    expect(countIn.countIn).toBe(true)
    expect(countIn.startFrame).toBe(0)
    expect(countIn.frames).toBe(Math.round((bp.start - video0) * FPS))
    // The four marks, each within a frame of its song beat.
    countIn.countFrames.slice(0, 4).forEach((f, k) => expect(Math.abs(f / FPS - (beats[k] - video0))).toBeLessThanOrEqual(1 / FPS))
    const text = overlayTexts({ counts: true, moveName: null, calls: countIn.calls, countIn: true }, countIn.countFrames).count!
    expect(countIn.countFrames.slice(0, 4).map((f) => countTextAt(text, f))).toEqual([5, 6, 7, 8])
    expect(overlayFilters({ counts: true, moveName: null, calls: countIn.calls, countIn: true }, countIn.countFrames, 720)).toContain('x=(w-text_w)/2')
    // The dancers wait in the first move's opening pose; the first move starts where the blueprint says.
    expect(countIn.clipKey).toBe(movesOf(bp)[0].clipKey)
    expect(countIn.still?.frame).toBe(0)
    expect(firstMove.moveIndex).toBe(0)
    expect(firstMove.startFrame).toBe(Math.round((bp.start - video0) * FPS))
    expect(plan.totalFrames).toBe(Math.round((bp.end - video0) * FPS))
    expect(plan.audioStart).toBe(video0)
  })

  it('renders a video that is the count-in (4 beats) plus the moves: frozen, a new number on each beat, the song from the first count-in beat', async () => {
    const workDir = await tempDir('render-countin-work')
    const cacheDir = await tempDir('render-countin-cache')
    dirs.push(workDir, cacheDir)
    const result = await renderBlueprint({ blueprint: bp, storage, workDir, cacheDir })
    const video0 = videoStartOf(bp)
    const fourBeats = bp.start - video0
    const period = (bp.moves[0].beatTimes[8] - bp.moves[0].beatTimes[0]) / 8
    expect(Math.abs(fourBeats - 4 * period)).toBeLessThan(period * 0.2)

    const probe = await probeMedia(result.videoFile, 20_000)
    expect(Math.abs(Number(probe.format?.duration) - (fourBeats + (bp.end - bp.start)))).toBeLessThanOrEqual(1 / FPS + 0.03)
    expect(result.segments).toBe(bp.moves.length + 1)

    const pics = await grayFrames(result.videoFile)
    expect(pics).toHaveLength(Math.round((bp.end - video0) * FPS))
    const seg = planRender(bp).segments[0]
    const marks = seg.countFrames
    // Within each count the picture is still (frozen dancers, one number) …
    for (let k = 0; k < 4; k++) {
      for (let f = marks[k] + 1; f < marks[k + 1]; f++) expect(middleDiff(pics[f], pics[marks[k]])).toBeLessThan(1)
    }
    // … and the number changes exactly on each song beat: 5 → 6 → 7 → 8.
    for (let k = 1; k < 4; k++) expect(middleDiff(pics[marks[k]], pics[marks[k] - 1])).toBeGreaterThan(2)
    // Then the dancing starts on the first move's count one.
    expect(middleDiff(pics[marks[4]], pics[marks[4] - 1])).toBeGreaterThan(2)

    // The audio at video time 0 is the song at the first count-in beat.
    const rate = 22050
    const [songPcm, outPcm] = await Promise.all([decodeMono(song.wav, rate), decodeMono(result.videoFile, rate)])
    const lag = bestLag(songPcm.subarray(Math.round(video0 * rate)), outPcm, Math.round(0.04 * rate), 4 * rate)
    expect(Math.abs(lag) / rate).toBeLessThanOrEqual(0.001)
  }, 180_000)
})
