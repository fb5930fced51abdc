import { moveAt } from '@/tests/fixtures/choreography/move-at'
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
    expect(parsed.version).toBe(3)
    // The fixture song starts on its first beat: the count-in is counts 5–8 of its first 8-count.
    expect(parsed.countIn?.calls).toEqual([5, 6, 7, 8])
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
    expect(bad((b) => { moveAt(b, 0).clipOut = moveAt(b, 0).clipIn })).toBe(false)
    expect(bad((b) => { moveAt(b, 0).playbackRate = 0 })).toBe(false)
    expect(bad((b) => { moveAt(b, 0).firstCountIndex = 3 })).toBe(false)
    expect(bad((b) => { b.end = b.song.durationSeconds + 5 })).toBe(false)
    expect(bad((b) => { (b as { version: number }).version = 4 })).toBe(false)
    expect(bad((b) => { b.countIn!.beatTimes[4] += 0.1 })).toBe(false)
    expect(bad((b) => { b.countIn!.calls.pop() })).toBe(false)
    expect(bad((b) => { b.countIn!.beatTimes[2] = b.countIn!.beatTimes[1] })).toBe(false)
    expect(bad((b) => { b.countIn = null })).toBe(true)
    expect(bad((b) => { (b.output as { fps: number }).fps = 60 })).toBe(false)
    expect(bad((b) => { b.moves = [] })).toBe(false)
  })

  it('reads stored version 1 (moves only, no kind) and version 2 (no count-in) blueprints as the same version 3 document', () => {
    const { countIn: _countIn, ...noCountIn } = bp
    const v1 = JSON.parse(JSON.stringify({ ...noCountIn, version: 1, moves: bp.moves.map(({ kind: _kind, ...m }) => m) }))
    const v2 = JSON.parse(JSON.stringify({ ...noCountIn, version: 2 }))
    const want = { ...BlueprintSchema.parse(JSON.parse(JSON.stringify(bp))), countIn: null }
    expect(BlueprintSchema.parse(v1)).toEqual(want)
    expect(BlueprintSchema.parse(v2)).toEqual(want)
  })

  it('accepts a hold that keeps the state and calls one count per beat, and nothing else', () => {
    const m = moveAt(bp, 1)
    const hold = {
      kind: 'hold', index: 1, name: 'Hold · 4 counts', songStart: m.songStart, songEnd: m.songEnd, counts: 4, calls: [5, 6, 7, 8],
      beatTimes: m.beatTimes.slice(0, 5), section: m.section, entry: moveAt(bp, 0).exit, exit: moveAt(bp, 0).exit, why: { scoreParts: {}, reason: 'tag' },
    }
    const withHold = (h: object) => BlueprintSchema.safeParse({ ...bp, moves: bp.moves.map((x, i) => (i === 1 ? h : x)) }).success
    expect(withHold(hold)).toBe(true)
    expect(withHold({ ...hold, counts: 0, calls: [], beatTimes: [hold.songStart] })).toBe(true)
    expect(withHold({ ...hold, calls: [5, 6, 7] })).toBe(false)
    expect(withHold({ ...hold, beatTimes: hold.beatTimes.slice(1) })).toBe(false)
    expect(withHold({ ...hold, calls: [5, 6, 7, 9] })).toBe(false)
    expect(withHold({ ...hold, exit: { ...hold.exit, hold: hold.exit.hold === 'closed' ? 'tandem' : 'closed' } })).toBe(false)
    expect(withHold({ ...hold, clipKey: 'clips/x.mp4', kind: 'move' })).toBe(false)
    expect(BlueprintSchema.safeParse({ ...bp, moves: [hold].map((h) => ({ ...h, index: 0 })) }).success).toBe(false)
  })
})
