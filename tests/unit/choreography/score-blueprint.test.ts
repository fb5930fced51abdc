import { moveAt } from '@/tests/fixtures/choreography/move-at'
import { describe, expect, it } from 'vitest'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { buildBaselineBlueprint } from '@/lib/engines/choreography/baseline'
import { BlueprintSchema, type Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import { pearson, scoreBlueprint } from '@/lib/engines/choreography/score-blueprint'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'

const song = { id: 'song-4', storageKey: 'songs/song-4.mp3' }
const analysis = generateAnalysis({ seed: 51, bpm: 132, driftPct: -2, jitterMs: 6, pickupBeats: 2, leadInSeconds: 3 })
const library = demoLibrary()
const params = { difficulty: 'intermediate' as const, excludeFamilies: ['dip' as const], durationSeconds: 120 }
const ours = buildBlueprint({ analysis, params, library, seed: 4, song })

/** Moves every time by `dt` seconds (keeps the document schema-valid). */
function shifted(bp: Blueprint, dt: number): Blueprint {
  const b = structuredClone(bp)
  b.start += dt
  b.end += dt
  for (const m of b.moves) {
    m.songStart += dt
    m.songEnd += dt
    m.beatTimes = m.beatTimes.map((t) => t + dt)
  }
  if (b.countIn) b.countIn.beatTimes = b.countIn.beatTimes.map((t) => t + dt)
  return BlueprintSchema.parse(b)
}

describe('scoreBlueprint', () => {
  it('scores our blueprint as on the grid, in tempo, legal, on time and satisfying the request', () => {
    const s = scoreBlueprint(ours, analysis)
    expect(s.grid).toEqual({ meanErrorMs: 0, maxErrorMs: 0, shareOnCountOne: 1, shareWholeEightCounts: 1 })
    expect(s.tempo.shareWithinTolerance).toBeGreaterThanOrEqual(0.95)
    expect(s.tempo.shareInSync).toBe(1)
    expect(s.transitions.share).toBe(1)
    expect(s.diversity.immediateRepeats).toBe(0)
    expect(s.request.excludeViolations).toBe(0)
    expect(s.request.difficulty).toBe(1)
    expect(s.duration.withinOnePhrase).toBe(true)
    expect(s.structure.share).toBeGreaterThan(0.8)
    expect(s.energy.pearson).toBeGreaterThan(0.3)
    expect(s.overall).toBeGreaterThan(0.85)
  })

  it('measures how far off the grid a shifted choreography is', () => {
    const beat = 60 / 132
    const s = scoreBlueprint(shifted(ours, beat / 2), analysis)
    expect(s.grid.shareOnCountOne).toBe(0)
    expect(s.grid.meanErrorMs).toBeGreaterThan(beat * 500 * 0.8)
    expect(s.grid.meanErrorMs).toBeLessThan(beat * 500 * 1.2)
    expect(s.structure.share).toBe(0)
    expect(s.overall).toBeLessThan(scoreBlueprint(ours, analysis).overall)
  })

  it('counts illegal transitions, repeats, exclusions and off-tempo clips', () => {
    const b = structuredClone(ours)
    b.moves[2] = { ...b.moves[1], index: 2, songStart: b.moves[2].songStart, songEnd: b.moves[2].songEnd, beatTimes: b.moves[2].beatTimes, counts: b.moves[2].counts }
    b.moves[3] = { ...moveAt(b, 3), entry: { hold: 'tandem', leadWeight: 'left', facing: 'same-direction' }, family: 'dip', playbackRate: 1.3 }
    const s = scoreBlueprint(b, analysis)
    expect(s.diversity.immediateRepeats).toBeGreaterThanOrEqual(1)
    expect(s.transitions.legal).toBeLessThan(s.transitions.total)
    expect(s.request.excludeViolations).toBe(1)
    expect(s.tempo.shareWithinTolerance).toBeLessThan(1)
  })

  it('judges the duration against what the song can give', () => {
    const long = buildBlueprint({ analysis, params: { durationSeconds: 900 }, library, seed: 4, song })
    const d = scoreBlueprint(long, analysis).duration
    expect(d.requestedSeconds).toBe(900)
    expect(d.targetSeconds).toBeLessThan(400)
    expect(d.withinOnePhrase).toBe(true)
    const cut = structuredClone(long)
    cut.moves = cut.moves.slice(0, 10)
    cut.end = cut.moves[9].songEnd
    expect(scoreBlueprint(cut, analysis).duration.withinOnePhrase).toBe(false)
  })

  it('computes Pearson correlation, or null when it is undefined', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 9)
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 9)
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull()
  })

  it('rates the original round-robin approach clearly below ours', () => {
    const base = buildBaselineBlueprint({ analysis, params, library, seed: 4, song })
    expect(BlueprintSchema.safeParse(base).success).toBe(true)
    const b = scoreBlueprint(base, analysis)
    const o = scoreBlueprint(ours, analysis)
    expect(b.grid.shareOnCountOne).toBeLessThan(0.5)
    expect(b.transitions.share).toBeLessThan(o.transitions.share)
    expect(b.tempo.shareInSync).toBeLessThan(0.5)
    expect(b.overall).toBeLessThan(o.overall - 0.2)
  })
})
