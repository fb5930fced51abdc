import { execa } from 'execa'
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { movesOf, type Blueprint, type BlueprintMove } from '@/lib/engines/choreography/blueprint-schema'
import { regenerateMove } from '@/lib/engines/choreography/regenerate-move'
import { ffmpegPath } from '@/lib/engines/media/ffmpeg'
import { renderBlueprint } from '@/lib/engines/media/render-blueprint'
import { planRender } from '@/lib/engines/media/render-plan'
import type { LocalStorage } from '@/lib/shared/storage/local-storage'
import { demoSubsetLibrary } from '@/tests/fixtures/choreography/demo-library'
import { FIRST_SONG, blueprintFor, demoSong, storageWithSubset, tempDir, type SongFixture } from './helpers'

// What the worker does when a dancer replaces one move: the engine's regenerateMove, then a
// render of the new blueprint with the caches the first render filled. Real ffmpeg, real
// files; the caches start empty.
const W = 160, H = 90
const dirs: string[] = []
let song: SongFixture
let storage: LocalStorage
let cacheDir: string

beforeAll(async () => {
  song = await demoSong(FIRST_SONG)
  const s = await storageWithSubset([song])
  storage = s.storage
  cacheDir = await tempDir('render-regenerate-cache')
  dirs.push(s.root, cacheDir)
}, 120_000)

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

async function render(bp: Blueprint) {
  const workDir = await tempDir('render-regenerate-work')
  dirs.push(workDir)
  return renderBlueprint({ blueprint: bp, storage, workDir, cacheDir })
}

/** Every frame, small and grey, to compare pictures. */
async function frames(file: string): Promise<Buffer[]> {
  const { stdout } = await execa(ffmpegPath(), ['-v', 'error', '-i', file, '-vf', `scale=${W}:${H},format=gray`, '-f', 'rawvideo', 'pipe:1'], { encoding: 'buffer', maxBuffer: 1 << 30 })
  const buf = Buffer.from(stdout as unknown as Uint8Array)
  return Array.from({ length: buf.length / (W * H) }, (_, i) => buf.subarray(i * W * H, (i + 1) * W * H))
}

/** A replacement at a move followed by a move (a hold after it shows its last frame, so it
 * would change too), by a move that appears nowhere else (else its segment may exist already). */
function replaceOneMove(bp: Blueprint): { next: Blueprint; index: number } {
  const moves = bp.moves
  for (let index = 1; index < moves.length - 1; index++) {
    if (moves[index].kind !== 'move' || moves[index + 1].kind !== 'move') continue
    for (let seed = 1; seed < 20; seed++) {
      let next: Blueprint
      try {
        next = regenerateMove(bp, index, { analysis: song.analysis, library: demoSubsetLibrary(), seed })
      } catch {
        break // no alternative fits this slot
      }
      const id = (next.moves[index] as BlueprintMove).moveId
      if (movesOf(bp).every((m) => m.moveId !== id)) return { next, index }
    }
  }
  throw new Error('no move of the blueprint can be replaced by a move it does not already use')
}

describe('regenerating one move', () => {
  it('re-renders one segment and reuses every other one, the audio and every source from the caches', async () => {
    const bp = blueprintFor(song, { durationSeconds: 30, seed: 3 })
    const cold = await render(bp)
    const clips = new Set(movesOf(bp).map((m) => m.clipKey))
    expect(cold.cache).toMatchObject({ audioHit: false, sourceHits: 0, sourceMisses: clips.size + 1 })
    expect(cold.cache.segmentMisses).toBeGreaterThan(1)

    const { next, index } = replaceOneMove(bp)
    const newClip = (next.moves[index] as BlueprintMove).clipKey
    const warm = await render(next)
    const n = warm.segments
    expect(n).toBe(cold.segments)
    expect(warm.cache).toEqual({
      segmentHits: n - 1,
      segmentMisses: 1,
      audioHit: true,
      // Every clip of the new blueprint and the song come from the source cache, but a clip the first render did not use.
      sourceHits: new Set(movesOf(next).map((m) => m.clipKey)).size + 1 - (clips.has(newClip) ? 0 : 1),
      sourceMisses: clips.has(newClip) ? 0 : 1,
    })

    // The pictures: identical outside the replaced move, different inside it.
    const seg = planRender(next).segments.find((s) => s.moveIndex === index)!
    const [a, b] = await Promise.all([frames(cold.videoFile), frames(warm.videoFile)])
    expect(b.length).toBe(a.length)
    const changed = a.map((f, i) => !f.equals(b[i]))
    const inside = (i: number) => i >= seg.startFrame && i < seg.startFrame + seg.frames
    expect(changed.filter((c, i) => c && !inside(i))).toEqual([])
    expect(changed.filter((c, i) => c && inside(i)).length).toBeGreaterThan(seg.frames / 2)
  }, 240_000)
})
