import { describe, expect, it } from 'vitest'
import { BlueprintSchema, ClipKeySchema, SongKeySchema } from '@/lib/engines/choreography/blueprint-schema'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { demoSubsetLibrary } from '@/tests/fixtures/choreography/demo-library'

const analysis = generateAnalysis({ seed: 41, bpm: 126, sections: [{ label: 'intro', phrases: 2 }, { label: 'verse', phrases: 6 }, { label: 'outro', phrases: 2 }] })
const bp = buildBlueprint({ analysis, params: {}, library: demoSubsetLibrary(), seed: 1, song: { id: 's', storageKey: 'songs/s.mp3' } })

describe('BlueprintSchema (the worker contract)', () => {
  it('accepts what buildBlueprint produces, with the fixed output settings', () => {
    const parsed = BlueprintSchema.parse(JSON.parse(JSON.stringify(bp)))
    expect(parsed.output).toEqual({ width: 1280, height: 720, fps: 30, videoCodec: 'h264', audioCodec: 'aac', overlays: { counts: true, moveNames: true } })
    expect(parsed.version).toBe(1)
  })

  it('confines clip keys to clips/ and forbids climbing out', () => {
    for (const ok of ['clips/demo/side-basic.mp4', 'clips/a', 'clips/2024/x_y.v2.mp4']) expect(ClipKeySchema.safeParse(ok).success, ok).toBe(true)
    for (const bad of ['clips/../etc/passwd', 'clips/a/../../b', '/etc/passwd', 'clips//x', 'clips/..', 'songs/x.mp4', 'clips/A.mp4', 'clips/x y', 'clips/x\\y', 'clips/a..b', '']) {
      expect(ClipKeySchema.safeParse(bad).success, bad).toBe(false)
    }
    for (const bad of ['../x', '/abs', 'a/../b', 'a//b']) expect(SongKeySchema.safeParse(bad).success, bad).toBe(false)
  })

  it('rejects inconsistent moves: beat times, order, overlap, rates, times past the song', () => {
    const bad = (mutate: (b: typeof bp) => void) => {
      const b = structuredClone(bp)
      mutate(b)
      return BlueprintSchema.safeParse(b).success
    }
    expect(bad(() => {})).toBe(true)
    expect(bad((b) => { b.moves[0].beatTimes.pop() })).toBe(false)
    expect(bad((b) => { b.moves[0].beatTimes[3] = b.moves[0].beatTimes[2] })).toBe(false)
    expect(bad((b) => { b.moves[0].counts = 12 as 8 })).toBe(false)
    expect(bad((b) => { b.moves[1].index = 5 })).toBe(false)
    expect(bad((b) => { b.moves[1].songStart -= 0.5; b.moves[1].beatTimes[0] -= 0.5 })).toBe(false)
    expect(bad((b) => { b.moves[0].clipOut = b.moves[0].clipIn })).toBe(false)
    expect(bad((b) => { b.moves[0].playbackRate = 0 })).toBe(false)
    expect(bad((b) => { b.moves[0].firstCountIndex = 3 })).toBe(false)
    expect(bad((b) => { b.end = b.song.durationSeconds + 5 })).toBe(false)
    expect(bad((b) => { (b as { version: number }).version = 2 })).toBe(false)
    expect(bad((b) => { (b.output as { fps: number }).fps = 60 })).toBe(false)
    expect(bad((b) => { b.moves = [] })).toBe(false)
  })
})
