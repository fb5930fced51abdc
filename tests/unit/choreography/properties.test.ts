import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DIFFICULTIES, ENERGIES, FAMILIES, MOODS, STYLES, type Family } from '@/lib/engines/dance/vocabulary'
import { ChoreographyParamsSchema, type ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { AppError } from '@/lib/shared/errors'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { isPoseMove, type LibraryMove } from '@/lib/engines/choreography/library-move'
import { generateAnalysis, randomSongSpec } from '@/tests/fixtures/choreography/generate-analysis'
import { fixtureLibrary } from '@/tests/fixtures/choreography/fixture-library'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { blueprintViolations, movesOnBreaks } from './invariants'

const song = { id: 'prop', storageKey: 'songs/prop.mp3' }
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })

function paramsArb(families: readonly Family[], names: string[]): fc.Arbitrary<ChoreographyParams> {
  return fc.record({
    difficulty: nullable(fc.constantFrom(...DIFFICULTIES)),
    energy: nullable(fc.constantFrom(...ENERGIES)),
    style: nullable(fc.constantFrom(...STYLES)),
    moods: fc.subarray([...MOODS], { maxLength: 3 }),
    durationSeconds: nullable(fc.integer({ min: 8, max: 300 })),
    includeFamilies: fc.subarray([...FAMILIES], { maxLength: 3 }),
    excludeFamilies: fc.subarray([...families], { maxLength: 5 }),
    includeMoves: fc.subarray(names, { maxLength: 2 }),
    emphasis: fc.array(fc.record({
      family: fc.constantFrom(...FAMILIES),
      direction: fc.constantFrom('more' as const, 'fewer' as const),
      count: nullable(fc.integer({ min: 1, max: 6 })),
    }), { maxLength: 3 }),
    query: fc.constantFrom('', 'slow sensual wave', 'fast footwork'),
  }).map((p) => ChoreographyParamsSchema.parse(p))
}

const songArb = (minBpm: number, maxBpm: number) =>
  fc.record({ seed: fc.integer({ min: 0, max: 1e6 }), minutes: fc.double({ min: 0.2, max: 4, noNaN: true }) })
    .map(({ seed, minutes }) => generateAnalysis(randomSongSpec(seed, { minBpm, maxBpm, minutes })))

function check(analysis: ReturnType<typeof generateAnalysis>, params: ChoreographyParams, library: LibraryMove[], seed: number, tempoShare = 0.95) {
  const bp = buildBlueprint({ analysis, params, library, seed, song })
  expect(blueprintViolations(bp, analysis, params, library, { tempoShare })).toEqual([])
  const breakWarned = bp.warnings.some((w) => /pose|breaks are danced through/.test(w))
  for (const m of movesOnBreaks(bp, analysis)) {
    expect(breakWarned || (m !== undefined && isPoseMove({ family: m.family, name: m.name, tags: [] }))).toBe(true)
  }
  return bp
}

describe('buildBlueprint properties (fast-check)', () => {
  it('never produces an invalid blueprint: random songs 95–165 BPM, random requests, fixture library', () => {
    const library = fixtureLibrary()
    const noBasic = FAMILIES.filter((f) => f !== 'basic')
    fc.assert(
      fc.property(songArb(95, 165), paramsArb(noBasic, ['Freeze pose 125', 'spin figure 2', 'nonexistent move']), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (analysis, params, seed) => {
        check(analysis, params, library, seed)
      }),
      { numRuns: 100, seed: 20240601 },
    )
  })

  // The demo catalog's clips are danced at 112–150 BPM: songs of 110–145 BPM (plus drift) can stay
  // within ±12 % — unless the request excludes the basics, which leaves too few clips per hold and tempo.
  it('with the demo library and any exclusions: a valid blueprint or a clear 422, never anything else', () => {
    const library = demoLibrary()
    let built = 0
    fc.assert(
      fc.property(songArb(110, 145), paramsArb(FAMILIES, ['Madrid', 'Side basic', 'hammerlock double turn']), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (analysis, params, seed) => {
        try {
          check(analysis, params, library, seed, params.excludeFamilies.includes('basic') ? 0 : 0.95)
          built++
        } catch (e) {
          if (!(e instanceof AppError)) throw e
          expect(e.status).toBe(422)
          expect(e.message.length).toBeGreaterThan(10)
        }
      }),
      { numRuns: 80, seed: 7 },
    )
    expect(built).toBeGreaterThan(60)
  })
})
