import { describe, expect, it } from 'vitest'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { movesOf, type Blueprint, type BlueprintHold } from '@/lib/engines/choreography/blueprint-schema'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { buildSlots } from '@/lib/engines/choreography/build-slots'
import { regenerateMove } from '@/lib/engines/choreography/regenerate-move'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import { judgeBlueprint } from '@/lib/engines/judge'
import { sameState } from '@/lib/engines/dance/vocabulary'
import type { AppError } from '@/lib/shared/errors'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { analysisFromTruth, irregularSongs } from '@/tests/fixtures/choreography/irregular-songs'
import { blueprintViolations } from './invariants'

/**
 * Issue 10, item 4: on songs whose arrangement leaves the 8-count lattice (a 4-count tag, a
 * 2-beat bar, a restart after a pause, a band stop), the blueprint starts every move on a
 * true count one and gives each irregularity a hold of its real length. The truth is the
 * song generator's (where the edited arrangement's phrases really start), not the engine's.
 */
const FRAME = 1 / 30
const SONGS = irregularSongs()
const library = demoLibrary()
const song = { id: 's', storageKey: 'songs/s.wav' }
const build = (analysis: ReturnType<typeof analysisFromTruth>, params = {}, seed = 1) =>
  buildBlueprint({ analysis, params, library, seed, song })
const holdsOf = (bp: Blueprint) => bp.moves.filter((m): m is BlueprintHold => m.kind === 'hold')
const nearest = (xs: number[], t: number) => Math.min(...xs.map((x) => Math.abs(x - t)))

describe('blueprints on irregular songs (truth grid)', () => {
  it('has 12 irregular songs with tags, short bars, restarts and band stops in the truth', () => {
    expect(SONGS).toHaveLength(12)
    const kinds = new Set(SONGS.flatMap((s) => s.truth.irregularities.map((i) => i.kind)))
    expect([...kinds].sort()).toEqual(['band-stop', 'fade-out', 'restart', 'rubato-intro', 'short-bar', 'tag', 'tempo-step'])
  })

  for (const s of SONGS) {
    it(`${s.name}: every move on a true count one, a hold of the right length at every irregularity`, () => {
      const { truth } = s
      const analysis = analysisFromTruth(truth)
      for (const params of [{}, { difficulty: 'beginner' as const }, { difficulty: 'advanced' as const, style: 'sensual' as const }]) {
        const bp = build(analysis, params)
        const beat = 60 / truth.bpm
        const beatsIn = (a: number, b: number) => truth.beats.filter((t) => t >= a - beat / 4 && t < b - beat / 4).length
        for (const m of movesOf(bp)) {
          expect(nearest(truth.countOne, m.songStart), `${m.name} at ${m.songStart}`).toBeLessThanOrEqual(FRAME)
          // Never 8 counts spread over a span that has 4, 6, 10 or 12 beats.
          expect(beatsIn(m.songStart, m.songEnd), `${m.name} at ${m.songStart}`).toBe(m.counts)
        }
        const inSpan = truth.irregularities.filter((i) => i.time > bp.start && i.time < bp.end && i.kind !== 'fade-out')
        expect(inSpan.length).toBeGreaterThan(0)
        const holds = holdsOf(bp)
        const held = (k: string): k is 'tag' | 'short-bar' | 'restart' => k === 'tag' || k === 'short-bar' || k === 'restart'
        expect(holds).toHaveLength(inSpan.filter((i) => held(i.kind)).length)
        for (const irr of inSpan) {
          const nextOne = truth.countOne.find((c) => c > irr.time + beat / 2)!
          if (!held(irr.kind)) {
            // The count goes on through a band stop or a tempo step: the 8-count around it stays whole.
            const m = bp.moves.find((e) => e.songStart <= irr.time && irr.time < e.songEnd)!
            expect(m.kind).toBe('move')
            expect(m.counts % 8).toBe(0)
            continue
          }
          const h = holds.find((x) => Math.abs(x.songStart - irr.time) <= FRAME)
          expect(h, `${irr.kind} at ${irr.time.toFixed(2)}`).toBeDefined()
          expect(Math.abs(h!.songEnd - nextOne)).toBeLessThanOrEqual(FRAME)
          // A tag is counts 5–8 again, a 2-beat bar 7–8; the pause before a restart has no beat.
          const want = { tag: [5, 6, 7, 8], 'short-bar': [7, 8], restart: [] as number[] }[irr.kind as 'tag' | 'short-bar' | 'restart']
          expect(h!.calls).toEqual(want)
          expect(h!.counts).toBe(irr.countsGained)
          expect(beatsIn(h!.songStart, h!.songEnd)).toBe(h!.counts)
        }
        // Legal across every hold: it keeps the state it was entered in.
        bp.moves.forEach((e, i) => {
          if (i > 0) {
            expect(sameState(bp.moves[i - 1].exit, e.entry)).toBe(true)
            expect(Math.abs(e.songStart - bp.moves[i - 1].songEnd)).toBeLessThan(1e-9)
          }
        })
        expect(blueprintViolations(bp, analysis, ChoreographyParamsSchema.parse(params), library)).toEqual([])
        // The independent judge counts the beats under each move itself: none spans a tag or a short bar.
        const judged = judgeBlueprint({ blueprint: bp, analysis, library })
        expect(judged.transitions.share).toBe(1)
        expect(judged.timing.onCountOne).toBe(1)
        expect(judged.timing.wholeEightCounts).toBe(1)
        expect(judged.danceable).toBe(1)
      }
    })
  }

  it('gives the regular songs they were edited from one 8-count per count one on the true beats, and no hold', () => {
    for (const { base } of SONGS) {
      const analysis = analysisFromTruth(base)
      const { slots, holds } = buildSlots(analysis)
      expect(holds).toEqual([])
      // Independent of the engine: the k-th 8-count is the 9 true beats from the k-th count one
      // (where the song still has them: the last may run past its final beat).
      expect(slots.length).toBeGreaterThanOrEqual(base.countOne.length - 1)
      slots.forEach((slot, k) => {
        const i = base.beats.indexOf(base.countOne[k])
        if (i + 9 <= base.beats.length) expect(slot.beatTimes).toEqual(base.beats.slice(i, i + 9))
        else expect(slot.start).toBe(base.countOne[k])
      })
      const bp = build(analysis)
      expect(bp.moves.every((m) => m.kind === 'move')).toBe(true)
      expect(blueprintViolations(bp, analysis, ChoreographyParamsSchema.parse({}), library)).toEqual([])
    }
  })

  it('refuses to regenerate a hold with a clear 422 and still regenerates the moves around it', () => {
    const analysis = analysisFromTruth(SONGS[0].truth)
    const bp = build(analysis)
    const i = bp.moves.findIndex((m) => m.kind === 'hold')
    expect(i).toBeGreaterThan(0)
    let err: AppError | null = null
    try { regenerateMove(bp, i, { analysis, library, seed: 3 }) } catch (e) { err = e as AppError }
    expect(err?.status).toBe(422)
    expect(err?.message).toMatch(/hold of 4 counts/)
    const next = regenerateMove(bp, i + 1, { analysis, library, seed: 3 })
    expect(next.moves[i]).toEqual(bp.moves[i])
    expect(blueprintViolations(next, analysis, next.params, library)).toEqual([])
  })
})

describe('blueprints on the local phrase tracker\'s own analysis', () => {
  it('start every move on one of its count ones and give every count-one gap its own beat count', () => {
    const s = SONGS.find((x) => x.name === 'moderna-132-tag-short')!
    const analysis = analyzePcm(s.pcm, s.sampleRate, { phraseTracking: 'local' })
    const bp = build(analysis)
    const c = analysis.countOne
    const beatsIn = (a: number, b: number) => analysis.beats.filter((t) => t >= a - 0.05 && t < b - 0.05).length
    for (const m of movesOf(bp)) expect(c).toContain(m.songStart)
    // Moves and holds hold exactly the beats the analysis has under them, so a 4- or 6-beat
    // phrase is never an 8-count (the last count one has no next one to count up to: its
    // 8-count may run past the beats).
    for (const m of bp.moves) {
      if (m.songStart < c[c.length - 1]) expect(beatsIn(m.songStart, m.songEnd), `${m.name} at ${m.songStart}`).toBe(m.counts)
    }
    expect(bp.moves.some((m) => m.kind === 'hold')).toBe(true)
    expect(bp.moves.every((m, i) => i === 0 || sameState(bp.moves[i - 1].exit, m.entry))).toBe(true)
  })
})
