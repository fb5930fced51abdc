import { execa } from 'execa'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeWav } from '@/lib/engines/audio/encode-wav'
import type { Blueprint, BlueprintHold } from '@/lib/engines/choreography/blueprint-schema'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { ffmpegPath, ffprobePath, probeMedia } from '@/lib/engines/media/ffmpeg'
import { renderBlueprint } from '@/lib/engines/media/render-blueprint'
import { planRender } from '@/lib/engines/media/render-plan'
import { overlayTexts } from '@/lib/engines/media/render-overlay'
import { installDemoLibrary } from '@/scripts/demo/library/install-demo-library'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { demoSubsetLibrary } from '@/tests/fixtures/choreography/demo-library'
import { analysisFromTruth, irregularSongs } from '@/tests/fixtures/choreography/irregular-songs'
import { tempDir } from './helpers'

// A song with a 4-count tag (clasica-128-tag), its truth grid, the engine's blueprint over the
// 12-clip demo subset (which gets a hold at the tag), rendered by real ffmpeg.
const FPS = 30
const W = 160, H = 90
const dirs: string[] = []
let bp: Blueprint
let storage: LocalStorage

beforeAll(async () => {
  const [song] = irregularSongs(['clasica-128-tag'])
  const root = await tempDir('render-hold-storage')
  dirs.push(root)
  storage = new LocalStorage(root)
  await installDemoLibrary({ storage, subset: true, posters: false })
  await storage.put('songs/tag.wav', encodeWav(song.pcm, song.sampleRate))
  bp = buildBlueprint({
    analysis: analysisFromTruth(song.truth), params: { difficulty: 'beginner', durationSeconds: 32, countIn: false },
    library: demoSubsetLibrary(), seed: 2, song: { id: 'tag', storageKey: 'songs/tag.wav' }, overlays: { counts: false, moveNames: false },
  })
}, 180_000)

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

/** Every frame of the video, small and grey, for comparing pictures. */
async function frames(file: string): Promise<Uint8Array[]> {
  const { stdout } = await execa(ffmpegPath(), ['-v', 'error', '-i', file, '-vf', `scale=${W}:${H},format=gray`, '-f', 'rawvideo', 'pipe:1'], { encoding: 'buffer', maxBuffer: 1 << 30 })
  const buf = stdout as unknown as Uint8Array
  return Array.from({ length: buf.length / (W * H) }, (_, i) => buf.subarray(i * W * H, (i + 1) * W * H))
}
const diff = (a: Uint8Array, b: Uint8Array) => a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0) / a.length

describe('rendering a hold', () => {
  it('plans the hold as the last frame of the move before it, and the counts it calls', () => {
    const i = bp.moves.findIndex((m) => m.kind === 'hold')
    expect(i).toBeGreaterThan(0)
    const hold = bp.moves[i] as BlueprintHold
    expect(hold.calls).toEqual([5, 6, 7, 8])
    const plan = planRender(bp)
    expect(plan.segments).toHaveLength(bp.moves.length)
    expect(plan.segments.reduce((n, s) => n + s.frames, 0)).toBe(plan.totalFrames)
    const [prev, seg] = [plan.segments[i - 1], plan.segments[i]]
    expect(seg.startFrame).toBe(prev.startFrame + prev.frames)
    expect(seg.clipKey).toBe(prev.clipKey)
    expect(seg.still).toEqual({ clipTimes: prev.clipTimes, countFrames: prev.countFrames, frame: prev.frames - 1 })
    expect(seg.calls).toEqual([5, 6, 7, 8])
    // The overlay calls 5, 6, 7, 8 at the hold's count frames, not 1–4.
    const text = overlayTexts({ counts: true, moveName: null, calls: seg.calls }, seg.countFrames).count!
    const at = (n: number) => Number(new Function('n', `const gte = (a, b) => (a >= b ? 1 : 0); return ${text.slice(6, -3)}`)(n))
    expect(seg.countFrames.slice(0, 4).map(at)).toEqual([5, 6, 7, 8])
  })

  it('renders a video exactly as long as the blueprint, frozen through the hold while the music goes on', async () => {
    const workDir = await tempDir('render-hold-work')
    const cacheDir = await tempDir('render-hold-cache')
    dirs.push(workDir, cacheDir)
    const result = await renderBlueprint({ blueprint: bp, storage, workDir, cacheDir })
    const expected = Math.round((bp.end - bp.start) * FPS)
    expect(Math.abs(result.durationSeconds - (bp.end - bp.start))).toBeLessThanOrEqual(1 / FPS)
    const probe = await probeMedia(result.videoFile, 20_000)
    const audio = probe.streams?.find((s) => s.codec_type === 'audio')
    expect(audio).toBeDefined()
    expect(Math.abs(Number(probe.format?.duration) - (bp.end - bp.start))).toBeLessThanOrEqual(1 / FPS + 0.03)
    const pics = await frames(result.videoFile)
    expect(pics).toHaveLength(expected)
    // Each joined segment holds its own frames (a player would otherwise fill the gap itself).
    const files = (await readFile(join(workDir, 'segments.txt'), 'utf8')).split('\n').filter((l) => l.startsWith('file ')).map((l) => l.slice(6, -1))
    const counted = await Promise.all(files.map(async (f) => Number((await execa(ffprobePath(), ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', f])).stdout)))
    expect(counted).toEqual(planRender(bp).segments.map((s) => s.frames))

    const i = bp.moves.findIndex((m) => m.kind === 'hold')
    const seg = planRender(bp).segments[i]
    const held = pics.slice(seg.startFrame, seg.startFrame + seg.frames)
    // The hold's last frame is still the freeze, not the next move arriving early.
    expect(diff(held[held.length - 1], pics[seg.startFrame - 1])).toBeLessThan(1.5)
    // Frozen: every frame of the hold is the picture the move before it ended on.
    for (const f of held) expect(diff(f, pics[seg.startFrame - 1])).toBeLessThan(1.5)
    // While the dancers move, pictures change far more than encoder noise.
    const moving = pics.slice(seg.startFrame - 20, seg.startFrame - 1)
    expect(Math.max(...moving.slice(1).map((f, k) => diff(f, moving[k])))).toBeGreaterThan(3)
    // And the next move starts moving again on the new count one.
    const after = pics.slice(seg.startFrame + seg.frames, seg.startFrame + seg.frames + 20)
    expect(Math.max(...after.map((f) => diff(f, held[0])))).toBeGreaterThan(3)
  }, 240_000)
})

describe('rendering a hold with the overlays', () => {
  it('burns in its name and the counts it calls, and a pause with no count at all', async () => {
    const withOverlays = { ...bp, output: { ...bp.output, overlays: { counts: true, moveNames: true } } }
    const i = bp.moves.findIndex((m) => m.kind === 'hold')
    const hold = bp.moves[i] as BlueprintHold
    // The same hold as a beatless pause (a restart): no count is drawn, the name still is.
    const pause: BlueprintHold = { ...hold, name: 'Pause', counts: 0, calls: [], beatTimes: [hold.songStart] }
    for (const b of [withOverlays, { ...withOverlays, moves: withOverlays.moves.map((m, k) => (k === i ? pause : m)) }]) {
      const workDir = await tempDir('render-hold-work')
      const cacheDir = await tempDir('render-hold-cache')
      dirs.push(workDir, cacheDir)
      const result = await renderBlueprint({ blueprint: b, storage, workDir, cacheDir })
      expect((await frames(result.videoFile)).length).toBe(Math.round((b.end - b.start) * FPS))
    }
    expect(overlayTexts({ counts: true, moveName: 'Pause', calls: [] }, [0])).toEqual({ name: 'Pause' })
  }, 240_000)
})
