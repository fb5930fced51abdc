import { movesOf } from '@/lib/engines/choreography/blueprint-schema'
import { describe, expect, it } from 'vitest'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import type { DanceState } from '@/lib/engines/dance/vocabulary'
import { AppError } from '@/lib/shared/errors'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import type { LibraryMove } from '@/lib/engines/choreography/library-move'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { fixtureLibrary } from '@/tests/fixtures/choreography/fixture-library'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { blueprintViolations } from './invariants'

const song = { id: 'song-2', storageKey: 'songs/song-2.mp3' }
const analysis = generateAnalysis({ seed: 21, bpm: 128, driftPct: 2, jitterMs: 8, pickupBeats: 3 })
const CLOSED: DanceState = { hold: 'closed', leadWeight: 'right', facing: 'face-to-face' }
const OPEN: DanceState = { hold: 'two-hand-open', leadWeight: 'right', facing: 'face-to-face' }

function move(id: string, p: Partial<LibraryMove> = {}): LibraryMove {
  const counts = p.counts ?? 8
  const nativeBpm = p.nativeBpm ?? 128
  return {
    id, name: id.replace(/-/g, ' '), family: 'basic', variant: '', styles: ['sensual'], moods: [], difficulty: 'beginner',
    energy: 'medium', counts, nativeBpm, firstCountOffset: 0.2, entry: CLOSED, exit: CLOSED, leadNotes: '',
    followNotes: '', tags: [], description: '', loopable: false, clipKey: `clips/t/${id}.mp4`,
    durationSeconds: 0.2 + (counts * 60) / nativeBpm + 0.2, ...p,
  } as LibraryMove
}

const expect422 = (fn: () => unknown, message: RegExp) => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).status).toBe(422)
    expect((e as AppError).message).toMatch(message)
    return
  }
  throw new Error('expected a 422 AppError')
}

describe('buildBlueprint rules', () => {
  it('is deterministic for a seed and varies with it', () => {
    const library = demoLibrary()
    const a = buildBlueprint({ analysis, params: {}, library, seed: 42, song })
    const b = buildBlueprint({ analysis, params: {}, library: demoLibrary(), seed: 42, song })
    expect(b).toEqual(a)
    const others = [1, 2, 3].map((seed) => movesOf(buildBlueprint({ analysis, params: {}, library, seed, song })).map((m) => m.moveId).join())
    expect(new Set([movesOf(a).map((m) => m.moveId).join(), ...others]).size).toBeGreaterThan(2)
  })

  it('inserts a connector basic when the next figure starts in another hold', () => {
    const library = [
      move('closed-basic-a'), move('closed-basic-b', { nativeBpm: 126 }),
      move('open-basic-a', { entry: OPEN, exit: OPEN }), move('open-basic-b', { entry: OPEN, exit: OPEN, nativeBpm: 130 }),
      move('open-out-basic', { entry: CLOSED, exit: OPEN }), move('close-up-basic', { entry: OPEN, exit: CLOSED }),
      move('open-turn', { family: 'lady-turn', entry: OPEN, exit: OPEN }),
      move('open-spin', { family: 'spin', entry: OPEN, exit: OPEN, counts: 16 }),
    ]
    const p = ChoreographyParamsSchema.parse({ emphasis: [{ family: 'lady-turn', direction: 'more', count: null }], durationSeconds: 60 })
    const bp = buildBlueprint({ analysis, params: p, library, seed: 3, song })
    expect(blueprintViolations(bp, analysis, p, library)).toEqual([])
    const connectors = movesOf(bp).filter((m) => m.connector)
    expect(connectors.length).toBeGreaterThan(0)
    for (const c of connectors) {
      expect(c.family).toBe('basic')
      expect(c.entry.hold).not.toBe(c.exit.hold)
      expect(c.why.reason).toMatch(/connector/i)
    }
    expect(movesOf(bp).some((m) => m.moveId === 'open-turn')).toBe(true)
  })

  it('falls back to out-of-tempo clips only when nothing else can fill, and warns', () => {
    const slow = [move('slow-a', { nativeBpm: 96 }), move('slow-b', { nativeBpm: 98 }), move('slow-c', { nativeBpm: 100 })]
    const fast = generateAnalysis({ seed: 5, bpm: 150 })
    const bp = buildBlueprint({ analysis: fast, params: {}, library: slow, seed: 1, song })
    expect(movesOf(bp).every((m) => m.playbackRate > 1.12)).toBe(true)
    expect(bp.warnings.join(' ')).toMatch(/±12 %/)
    // One clip that fits the tempo is used wherever the no-repeat rule allows it.
    const mixed = [...slow, move('fit-a', { nativeBpm: 148 })]
    const bp2 = buildBlueprint({ analysis: fast, params: {}, library: mixed, seed: 1, song })
    const fitting = movesOf(bp2).filter((m) => m.moveId === 'fit-a').length
    expect(fitting).toBeGreaterThanOrEqual(Math.floor(movesOf(bp2).length / 2))
  })

  it('ignores disabled moves and clips too short for their counts', () => {
    const library = fixtureLibrary().map((m, i) => (i % 5 === 0 ? { ...m, enabled: false } : i % 5 === 1 ? { ...m, durationSeconds: 1 } : m))
    const bp = buildBlueprint({ analysis, params: {}, library, seed: 9, song })
    const banned = new Set(library.filter((m, i) => i % 5 < 2).map((m) => m.id))
    expect(movesOf(bp).some((m) => banned.has(m.moveId))).toBe(false)
    expect(bp.warnings.join(' ')).toMatch(/shorter than their annotated counts/)
  })

  it('rejects what it cannot satisfy with a clear 422', () => {
    const library = demoLibrary()
    expect422(() => buildBlueprint({ analysis, params: {}, library: [], seed: 1, song }), /library is empty/)
    expect422(() => buildBlueprint({
      analysis, params: { excludeFamilies: [...new Set(library.map((m) => m.family))] }, library, seed: 1, song,
    }), /excluded/)
    expect422(() => buildBlueprint({
      analysis, params: { difficulty: 'beginner' }, library: library.filter((m) => m.difficulty === 'advanced'), seed: 1, song,
    }), /beginner/)
    expect422(() => buildBlueprint({ analysis: { ...analysis, countOne: [] }, params: {}, library, seed: 1, song }), /count-one/)
    expect422(() => buildBlueprint({ analysis: { ...analysis, bpm: -1 }, params: {}, library, seed: 1, song }), /analysis/)
    expect422(() => buildBlueprint({ analysis, params: { difficulty: 'expert' } as never, library, seed: 1, song }), /parameters/)
    expect422(() => buildBlueprint({ analysis, params: {}, library, seed: -1, song }), /seed/)
    expect422(() => buildBlueprint({ analysis, params: {}, library, seed: 1.5, song }), /seed/)
    // One 8-count move cannot fill a song without repeating itself immediately.
    expect422(() => buildBlueprint({ analysis, params: {}, library: [move('only-one')], seed: 1, song }), /cannot fill/)
    // Holds that no move connects.
    const island = [move('a-closed'), move('b-closed', { nativeBpm: 126 }), move('c-open', { entry: OPEN, exit: OPEN, counts: 16 })]
    expect(movesOf(buildBlueprint({ analysis, params: {}, library: island, seed: 1, song })).every((m) => m.entry.hold === 'closed')).toBe(true)
  })

  it('rejects hostile clip keys in the library instead of passing them to the worker', () => {
    const library = [...demoLibrary().slice(0, 40), move('evil', { clipKey: 'clips/../../etc/passwd' }), move('evil-2', { clipKey: '/etc/passwd' }),
      move('evil-3', { difficulty: 'constructor' as never }), move('evil-4', { nativeBpm: Number.NaN }), move('evil-5', { entry: { hold: 'x' } as never })]
    const bp = buildBlueprint({ analysis, params: {}, library, seed: 1, song })
    expect(movesOf(bp).some((m) => m.moveId.startsWith('evil'))).toBe(false)
    expect(bp.warnings.join(' ')).toMatch(/invalid annotation/)
  })

  it('works from a bare analysis: only beats and count-ones, no phrases, sections or breaks', () => {
    const bare = { ...analysis, phrases: [], sections: [], breaks: [], downbeats: [] }
    const library = demoLibrary()
    const bp = buildBlueprint({ analysis: bare, params: { durationSeconds: 60 }, library, seed: 2, song })
    expect(movesOf(bp).every((m) => m.section === 'verse')).toBe(true)
    expect(Math.abs(bp.end - bp.start - 60)).toBeLessThan(8 * 60 / 128)
    expect(movesOf(bp).every((m) => analysis.countOne.includes(m.songStart))).toBe(true)
  })

  it('handles a song shorter than one move and a grid with a hole', () => {
    const short = generateAnalysis({ seed: 8, bpm: 120, sections: [{ label: 'verse', phrases: 1 }] })
    const bp = buildBlueprint({ analysis: short, params: {}, library: demoLibrary(), seed: 1, song })
    expect(movesOf(bp)).toHaveLength(1)
    expect(movesOf(bp)[0].counts).toBe(8)
    const holed = { ...analysis, countOne: analysis.countOne.filter((_, i) => i !== 12) }
    const bp2 = buildBlueprint({ analysis: holed, params: {}, library: demoLibrary(), seed: 1, song })
    expect(bp2.end).toBeLessThanOrEqual(holed.countOne[11] + 1e-9)
    expect(bp2.warnings.join(' ')).toMatch(/gap/)
  })
})
