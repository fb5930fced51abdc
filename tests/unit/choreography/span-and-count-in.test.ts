import { describe, expect, it } from 'vitest'
import { ChoreographyParamsSchema, type ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { regenerateMove } from '@/lib/engines/choreography/regenerate-move'
import { movesOf, videoStartOf, type Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { generateAnalysis, type SectionSpec } from '@/tests/fixtures/choreography/generate-analysis'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { blueprintViolations, countInViolations } from './invariants'

const FRAME = 1 / 30
const song = { id: 'song-span', storageKey: 'songs/span.mp3' }
const library = demoLibrary()
const params = (p: Partial<ChoreographyParams>) => ChoreographyParamsSchema.parse(p)
const build = (analysis: SongAnalysis, p: Partial<ChoreographyParams>, seed = 3) =>
  buildBlueprint({ analysis, params: params(p), library, seed, song })

// Known forms: which section is where (and the mambo is the loudest) is the fixture's layout.
const LAYOUT: SectionSpec[] = [
  { label: 'intro', phrases: 2 }, { label: 'verse', phrases: 6 }, { label: 'chorus', phrases: 4 },
  { label: 'verse', phrases: 6 }, { label: 'chorus', phrases: 6 }, { label: 'break', phrases: 1 },
  { label: 'mambo', phrases: 8 }, { label: 'chorus', phrases: 4 }, { label: 'outro', phrases: 2 },
]
const LONG_MAMBO: SectionSpec[] = [
  { label: 'intro', phrases: 2 }, { label: 'verse', phrases: 8 }, { label: 'chorus', phrases: 4 },
  { label: 'mambo', phrases: 18 }, { label: 'verse', phrases: 6 }, { label: 'outro', phrases: 2 },
]
const songs = [
  generateAnalysis({ seed: 61, bpm: 126, jitterMs: 8, driftPct: 2, sections: LAYOUT }),
  generateAnalysis({ seed: 62, bpm: 142, jitterMs: 5, pickupBeats: 4, leadInSeconds: 2, sections: LAYOUT }),
]

/** Seconds of [a, b] inside sections with this label, from the analysis's own sections. */
function secondsIn(analysis: SongAnalysis, label: string, a: number, b: number): number {
  return analysis.sections
    .filter((s) => s.label === label)
    .reduce((t, s) => t + Math.max(0, Math.min(b, s.end) - Math.max(a, s.start)), 0)
}
const phraseLen = (a: SongAnalysis) => Math.max(...a.phrases.map((p) => p.end - p.start))
const onCountOne = (a: SongAnalysis, t: number) => a.countOne.some((c) => Math.abs(c - t) <= FRAME)
const onPhraseEnd = (a: SongAnalysis, t: number) => a.phrases.some((p) => Math.abs(p.end - t) <= FRAME)

function spanChecks(bp: Blueprint, analysis: SongAnalysis, p: ChoreographyParams) {
  expect(blueprintViolations(bp, analysis, p, library)).toEqual([])
  expect(onCountOne(analysis, bp.start), 'starts on a count one').toBe(true)
  expect(onPhraseEnd(analysis, bp.end), 'ends on a phrase boundary').toBe(true)
  expect(movesOf(bp)[0].songStart).toBe(bp.start)
}

describe('span: which part of the song a requested length takes', () => {
  for (const [i, analysis] of songs.entries()) {
    it(`song ${i}: "with the mambo" lies in the mambo, whole without a length`, () => {
      const mambo = analysis.sections.find((s) => s.label === 'mambo')!
      for (const durationSeconds of [null, 30, 20]) {
        const p = params({ span: { kind: 'section', section: 'mambo' }, durationSeconds })
        const bp = build(analysis, p)
        spanChecks(bp, analysis, p)
        expect(bp.start).toBeGreaterThanOrEqual(mambo.start - FRAME)
        expect(bp.end).toBeLessThanOrEqual(mambo.end + FRAME)
        if (durationSeconds === null) {
          expect(Math.abs(bp.start - mambo.start)).toBeLessThanOrEqual(FRAME)
          expect(Math.abs(bp.end - mambo.end)).toBeLessThanOrEqual(FRAME)
        } else {
          expect(Math.abs(bp.end - bp.start - durationSeconds)).toBeLessThanOrEqual(phraseLen(analysis))
        }
      }
    })

    it(`song ${i}: "just the chorus" is one chorus, from its start`, () => {
      const choruses = analysis.sections.filter((s) => s.label === 'chorus')
      for (const durationSeconds of [null, 15]) {
        const p = params({ span: { kind: 'section', section: 'chorus' }, durationSeconds })
        const bp = build(analysis, p)
        spanChecks(bp, analysis, p)
        const c = choruses.find((s) => Math.abs(s.start - bp.start) <= FRAME)
        expect(c, 'starts where a chorus starts').toBeDefined()
        expect(bp.end).toBeLessThanOrEqual(c!.end + FRAME)
        if (durationSeconds === null) expect(Math.abs(bp.end - c!.end)).toBeLessThanOrEqual(FRAME)
        else expect(Math.abs(bp.end - bp.start - durationSeconds)).toBeLessThanOrEqual(phraseLen(analysis))
      }
    })

    it(`song ${i}: a long request "with the mambo" holds all of it`, () => {
      const p = params({ span: { kind: 'section', section: 'mambo' }, durationSeconds: 70 })
      const bp = build(analysis, p)
      spanChecks(bp, analysis, p)
      const mambo = analysis.sections.find((s) => s.label === 'mambo')!
      expect(secondsIn(analysis, 'mambo', bp.start, bp.end)).toBeCloseTo(mambo.end - mambo.start, 6)
      expect(Math.abs(bp.end - bp.start - 70)).toBeLessThanOrEqual(phraseLen(analysis))
    })
  }

  it('"the best minute" is the loudest minute: inside a long mambo, and around a short one', () => {
    const long = generateAnalysis({ seed: 63, bpm: 120, jitterMs: 6, sections: LONG_MAMBO })
    const mambo = long.sections.find((s) => s.label === 'mambo')!
    let p = params({ span: { kind: 'best', section: null }, durationSeconds: 60 })
    let bp = build(long, p)
    spanChecks(bp, long, p)
    expect(bp.start).toBeGreaterThanOrEqual(mambo.start - FRAME)
    expect(bp.end).toBeLessThanOrEqual(mambo.end + FRAME)
    expect(Math.abs(bp.end - bp.start - 60)).toBeLessThanOrEqual(phraseLen(long))

    // A 30 s mambo in a minute: all of it, and no quieter part than it needs.
    const analysis = songs[0]
    const short = analysis.sections.find((s) => s.label === 'mambo')!
    p = params({ span: { kind: 'best', section: null }, durationSeconds: null })
    bp = build(analysis, p)
    spanChecks(bp, analysis, p)
    expect(secondsIn(analysis, 'mambo', bp.start, bp.end)).toBeCloseTo(short.end - short.start, 6)
    expect(Math.abs(bp.end - bp.start - 60)).toBeLessThanOrEqual(phraseLen(analysis))
    expect(secondsIn(analysis, 'intro', bp.start, bp.end) + secondsIn(analysis, 'outro', bp.start, bp.end)).toBe(0)
  })

  it('a section the song lacks falls back to the best part, with a warning', () => {
    const noMambo = generateAnalysis({ seed: 64, bpm: 130, sections: LAYOUT.filter((s) => s.label !== 'mambo') })
    const bp = build(noMambo, { span: { kind: 'section', section: 'mambo' }, durationSeconds: 30 })
    expect(bp.warnings.some((w) => /no mambo/.test(w))).toBe(true)
    expect(movesOf(bp).length).toBeGreaterThan(0)
  })

  it('the default still starts at the first count one (with the count-in off) and regenerating keeps any span', () => {
    const analysis = songs[1]
    const off = build(analysis, { countIn: false, durationSeconds: 40 })
    expect(off.start).toBe(analysis.countOne[0])
    expect(off.countIn).toBeNull()
    const p = params({ span: { kind: 'section', section: 'mambo' }, durationSeconds: null })
    const bp = build(analysis, p)
    const next = regenerateMove(bp, 1, { analysis, library, seed: 9 })
    expect([next.start, next.end, next.countIn]).toEqual([bp.start, bp.end, bp.countIn])
    expect(blueprintViolations(next, analysis, p, library)).toEqual([])
  })

  it('rejects a section span without a section, and a section on another kind', () => {
    expect(ChoreographyParamsSchema.safeParse({ span: { kind: 'section' } }).success).toBe(false)
    expect(ChoreographyParamsSchema.safeParse({ span: { kind: 'best', section: 'mambo' } }).success).toBe(false)
    expect(ChoreographyParamsSchema.safeParse({ span: { kind: 'section', section: 'break' } }).success).toBe(false)
    expect(ChoreographyParamsSchema.parse({}).span).toEqual({ kind: 'start', section: null })
  })
})

describe('count-in: the four song beats before the first move', () => {
  const beatsBefore = (a: SongAnalysis, t: number, n: number) => a.beats.filter((b) => b < t - FRAME).slice(-n)

  it('uses the four beats before the first count one when the song has them', () => {
    const analysis = songs[1] // four pickup beats
    const bp = build(analysis, { durationSeconds: 30 })
    expect(bp.start).toBe(analysis.countOne[0])
    expect(bp.countIn!.calls).toEqual([5, 6, 7, 8])
    const want = beatsBefore(analysis, bp.start, 4)
    bp.countIn!.beatTimes.slice(0, 4).forEach((t, k) => expect(Math.abs(t - want[k])).toBeLessThanOrEqual(FRAME))
    expect(videoStartOf(bp)).toBe(want[0])
    expect(countInViolations(bp, analysis, bp.params)).toEqual([])
  })

  it('starts the dance one 8-count later when the song starts on its first count one: counts 5–8 of it are the count-in', () => {
    const analysis = songs[0] // no pickup: the first beat is count one
    expect(analysis.beats.filter((b) => b < analysis.countOne[0]).length).toBe(0)
    const bp = build(analysis, { durationSeconds: 30 })
    expect(bp.start).toBe(analysis.countOne[1])
    const fiveToEight = analysis.beats.filter((b) => b >= analysis.countOne[0] - FRAME && b < analysis.countOne[1] - FRAME).slice(4, 8)
    expect(fiveToEight).toHaveLength(4)
    bp.countIn!.beatTimes.slice(0, 4).forEach((t, k) => expect(Math.abs(t - fiveToEight[k])).toBeLessThanOrEqual(FRAME))
    expect(Math.abs(bp.end - bp.start - 30)).toBeLessThanOrEqual(phraseLen(analysis))
  })

  it('counts in from the section before a section span', () => {
    const analysis = songs[0]
    const bp = build(analysis, { span: { kind: 'section', section: 'chorus' }, durationSeconds: null })
    const want = beatsBefore(analysis, bp.start, 4)
    expect(bp.countIn!.beatTimes).toHaveLength(5)
    bp.countIn!.beatTimes.slice(0, 4).forEach((t, k) => expect(Math.abs(t - want[k])).toBeLessThanOrEqual(FRAME))
  })

  it('counts what there is when a one-8-count song has two beats before it', () => {
    const tiny = generateAnalysis({ seed: 65, bpm: 120, pickupBeats: 2, tailBeats: 0, sections: [{ label: 'verse', phrases: 1 }] })
    const bp = build(tiny, {})
    expect(bp.start).toBe(tiny.countOne[0])
    expect(bp.countIn!.calls).toEqual([7, 8])
    expect(countInViolations(bp, tiny, bp.params)).toEqual([])
  })
})
