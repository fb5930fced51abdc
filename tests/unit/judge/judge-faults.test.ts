import { describe, expect, it } from 'vitest'
import { judgeBlueprint, type Judgement } from '@/lib/engines/judge'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import type { Blueprint, BlueprintMove } from '@/lib/engines/choreography/blueprint-schema'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import { sameState } from '@/lib/engines/dance/vocabulary'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { analysisFromTruth, irregularSongs } from '@/tests/fixtures/choreography/irregular-songs'

/**
 * The judge catches each fault a choreography tool can make: every test breaks one thing in a
 * clean blueprint by hand and checks that the sub-score for it drops (and the overall with it),
 * while the sub-scores for what was not touched stay where they were.
 */
const BPM = 126
const BEAT = 60 / BPM
const analysis = generateAnalysis({ seed: 77, bpm: BPM, jitterMs: 4, pickupBeats: 3, leadInSeconds: 2 })
const library = demoLibrary()
const params = ChoreographyParamsSchema.parse({ difficulty: 'intermediate', style: 'sensual', excludeFamilies: ['dip'], durationSeconds: 120 })
const clean = buildBlueprint({ analysis, params, library, seed: 5, song: { id: 's', storageKey: 'songs/s.mp3' } })
const judge = (bp: Blueprint): Judgement => judgeBlueprint({ blueprint: bp, analysis, library, request: params })
const base = judge(clean)

/** The i-th entry that is a move (of a copy), for editing in place. */
function moveOf(bp: Blueprint, i: number): BlueprintMove {
  const m = bp.moves.filter((e): e is BlueprintMove => e.kind === 'move')[i]
  if (!m) throw new Error(`no move ${i}`)
  return m
}

/** Move k of the blueprint, moved dt seconds later (clip untouched). */
function shiftOne(k: number, dt: number): Blueprint {
  const bp = structuredClone(clean)
  const m = moveOf(bp, k)
  m.songStart += dt
  m.songEnd += dt
  m.beatTimes = m.beatTimes.map((t) => t + dt)
  return bp
}

describe('the judge on a clean blueprint', () => {
  it('finds no fault in the engine\'s blueprint and says so part by part', () => {
    expect(base.moves).toBeGreaterThan(10)
    expect(base.timing.onCountOne).toBe(1)
    expect(base.timing.wholeEightCounts).toBe(1)
    expect(base.tempo.inSync).toBe(1)
    expect(base.transitions.share).toBe(1)
    expect(base.variety.immediateRepeats).toBe(0)
    expect(base.request.excludesHonoured).toBe(true)
    expect(base.danceable).toBe(1)
    expect(base.overall).toBe(base.qualityScore)
    expect(base.overall).toBeGreaterThan(0.6)
  })
})

describe('the judge catches', () => {
  it('a move shifted by one beat (it starts on 2)', () => {
    const j = judge(shiftOne(3, BEAT))
    expect(j.timing.onCountOne).toBeCloseTo(1 - 1 / base.moves, 9)
    expect(j.timing.wholeEightCounts).toBeLessThan(1)
    expect(j.timing.maxStartErrorMs).toBeGreaterThan(BEAT * 1000 * 0.9)
    expect(j.danceable).toBeLessThan(1)
    expect(j.overall).toBeLessThan(base.overall)
    expect(j.transitions.share).toBe(1)
  })

  it('a move shifted by half a beat (it starts on the "and")', () => {
    const j = judge(shiftOne(5, BEAT / 2))
    expect(j.timing.onCountOne).toBeCloseTo(1 - 1 / base.moves, 9)
    expect(j.timing.maxStartErrorMs).toBeGreaterThan(BEAT * 500 * 0.8)
    expect(j.timing.maxStartErrorMs).toBeLessThan(BEAT * 500 * 1.2)
    expect(j.overall).toBeLessThan(base.overall)
  })

  it('a move only two frames late, but not one a frame late', () => {
    expect(judge(shiftOne(2, 2 / 30)).timing.onCountOne).toBeLessThan(1)
    expect(judge(shiftOne(2, 0.9 / 30)).timing.onCountOne).toBe(1)
  })

  it('a whole dance shifted half a beat: nothing is on the one', () => {
    const bp = structuredClone(clean)
    for (const e of bp.moves) {
      e.songStart += BEAT / 2
      e.songEnd += BEAT / 2
      e.beatTimes = e.beatTimes.map((t) => t + BEAT / 2)
    }
    const j = judge(bp)
    expect(j.timing.onCountOne).toBe(0)
    expect(j.danceable).toBe(0)
    expect(j.overall).toBe(0)
  })

  it('a move stretched over the wrong number of counts', () => {
    const bp = structuredClone(clean)
    const m = moveOf(bp, 4)
    m.counts = m.counts === 8 ? 16 : m.counts / 2
    const j = judge(bp)
    expect(j.timing.onCountOne).toBe(1)
    expect(j.timing.wholeEightCounts).toBeCloseTo(1 - 1 / base.moves, 9)
    expect(j.danceable).toBeLessThan(1)
  })

  it('an illegal transition: a move whose annotated entry is not the state the previous one left', () => {
    const bp = structuredClone(clean)
    const k = 6
    const prev = moveOf(bp, k - 1)
    const target = moveOf(bp, k)
    const exitOfPrev = library.find((a) => a.id === prev.moveId)!.exit
    const wrong = library.find((a) => a.counts === target.counts && !sameState(a.entry, exitOfPrev) && !params.excludeFamilies.includes(a.family) && a.difficulty !== 'advanced')!
    const span = target.songEnd - target.songStart
    // Everything else about the new move is right: its tempo, its clip, its count one.
    Object.assign(target, {
      moveId: wrong.id, name: wrong.name, family: wrong.family, difficulty: wrong.difficulty, energy: wrong.energy, styles: wrong.styles,
      clipKey: wrong.clipKey, entry: wrong.entry, exit: wrong.exit, clipIn: wrong.firstCountOffset,
      clipOut: wrong.firstCountOffset + (wrong.counts * 60) / wrong.nativeBpm, playbackRate: (wrong.counts * 60) / span / wrong.nativeBpm,
    })
    const j = judge(bp)
    expect(j.transitions.legal).toBeLessThan(j.transitions.total)
    expect(j.transitions.share).toBeLessThan(1)
    expect(j.timing.onCountOne).toBe(1)
    expect(j.tempo.inSync).toBe(1)
    expect(j.danceable).toBeLessThan(1)
    expect(j.overall).toBeLessThan(base.overall)
  })

  it('an illegal transition the blueprint hides by copying the wrong states', () => {
    const bp = structuredClone(clean)
    const m = moveOf(bp, 7)
    const lie = { hold: 'tandem', leadWeight: 'left', facing: 'same-direction' } as const
    m.entry = lie
    moveOf(bp, 6).exit = lie
    const j = judge(bp)
    // The annotations are the truth: the transitions still hold, the misreport is counted.
    expect(j.transitions.share).toBe(1)
    expect(j.transitions.misreported).toBe(2)
  })

  it('an immediate repeat', () => {
    const bp = structuredClone(clean)
    const a = moveOf(bp, 2)
    const b = moveOf(bp, 3)
    const copy = { ...structuredClone(a), index: b.index, songStart: b.songStart, songEnd: b.songEnd, beatTimes: b.beatTimes, counts: b.counts }
    bp.moves[bp.moves.indexOf(b)] = copy
    const j = judge(bp)
    expect(j.variety.immediateRepeats).toBe(1)
    expect(j.quality.repeats).toBeLessThan(1)
    expect(j.overall).toBeLessThan(base.overall)
  })

  it('a clip played at a rate way off the one the song needs', () => {
    const bp = structuredClone(clean)
    moveOf(bp, 1).playbackRate *= 1.5
    const j = judge(bp)
    expect(j.tempo.inSync).toBeCloseTo(1 - 1 / base.moves, 9)
    expect(j.danceable).toBeLessThan(1)
    expect(j.timing.onCountOne).toBe(1)
    expect(j.overall).toBeLessThan(base.overall)
  })

  it('a clip whose native tempo is far from the song\'s, even when played at the right rate', () => {
    const bp = structuredClone(clean)
    const m = moveOf(bp, 8)
    // The same move, annotated as danced at 100 BPM: a 126 BPM song needs it 26 % faster.
    const slow = library.map((a) => (a.id === m.moveId ? { ...a, nativeBpm: 100 } : a))
    for (const e of bp.moves) {
      if (e.kind !== 'move' || e.moveId !== m.moveId) continue
      Object.assign(e, { clipOut: e.clipIn + (e.counts * 60) / 100, playbackRate: (e.counts * 60) / (e.songEnd - e.songStart) / 100 })
    }
    const j = judgeBlueprint({ blueprint: bp, analysis, library: slow, request: params })
    expect(j.tempo.withinTolerance).toBeLessThan(base.tempo.withinTolerance)
    expect(j.tempo.inSync).toBe(1)
    expect(j.overall).toBeLessThan(base.overall)
  })

  it('a clip started off its own count one', () => {
    const bp = structuredClone(clean)
    moveOf(bp, 2).clipIn += 0.25
    expect(judge(bp).tempo.inSync).toBeLessThan(1)
  })

  it('an excluded family, and a move above the requested level (read from the annotation, not the blueprint\'s copy)', () => {
    const bp = structuredClone(clean)
    const dip = library.find((a) => a.family === 'dip' && a.difficulty !== 'advanced')!
    Object.assign(moveOf(bp, 3), { moveId: dip.id, family: 'dip' })
    moveOf(bp, 9).moveId = library.find((a) => a.difficulty === 'advanced')!.id
    const j = judge(bp)
    expect(j.request.excludesHonoured).toBe(false)
    expect(j.request.excludeViolations).toBe(1)
    expect(j.allowed).toBeCloseTo(1 - 2 / base.moves, 9)
    expect(j.difficulty!.withinLevel).toBeLessThan(1)
  })

  it('a requested family left out', () => {
    const asked = ChoreographyParamsSchema.parse({ ...params, includeFamilies: ['golpe'] })
    const without = { ...clean, moves: clean.moves.filter((e) => e.kind !== 'move' || e.family !== 'golpe') }
    const j = judgeBlueprint({ blueprint: without, analysis, library, request: asked })
    expect(j.request.includes).toBe(0)
  })

  it('a dance that keeps one energy while the music rises and falls', () => {
    const bp = structuredClone(clean)
    for (const e of bp.moves) if (e.kind === 'move') e.energy = 'high'
    // Energies are read from the annotations: copy the flattened energy into a private library.
    const flat = library.map((a) => ({ ...a, energy: 'high' as const }))
    const j = judgeBlueprint({ blueprint: bp, analysis, library: flat, request: params })
    expect(j.energy.score).toBeLessThan(base.energy.score)
  })

  it('a move danced straight through a 4-count tag instead of holding it', () => {
    const [song] = irregularSongs(['clasica-128-tag'])
    const tagged = analysisFromTruth(song.truth)
    const good = buildBlueprint({ analysis: tagged, params: {}, library, seed: 2, song: { id: 't', storageKey: 'songs/t.wav' } })
    const h = good.moves.findIndex((e) => e.kind === 'hold')
    expect(h).toBeGreaterThan(0)
    const judgeTagged = (bp: Blueprint) => judgeBlueprint({ blueprint: bp, analysis: tagged, library })
    expect(judgeTagged(good).timing.wholeEightCounts).toBe(1)
    // The move before the tag stretched over it: its counts now fall on 4 more beats than it has.
    const bad = structuredClone(good)
    const before = bad.moves[h - 1] as BlueprintMove
    const end = bad.moves[h].songEnd
    before.beatTimes = before.beatTimes.map((_, i) => before.songStart + ((end - before.songStart) * i) / before.counts)
    before.songEnd = end
    bad.moves.splice(h, 1)
    bad.moves.forEach((e, i) => { e.index = i })
    const j = judgeTagged(bad)
    expect(j.timing.onCountOne).toBe(1)
    expect(j.timing.wholeEightCounts).toBeLessThan(1)
    expect(j.danceable).toBeLessThan(1)
  })
})
