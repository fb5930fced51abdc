import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lexiconPhrases } from '@/lib/engines/request/match-lexicon-terms'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'

const PHRASES = lexiconPhrases()
const SEPARATORS = [' ', ', ', '. ', ' and ', ' but ', ' no ', ': ', ' - ']

// Requests built from real lexicon phrases, numbers and stray words exercise the state
// machine far harder than random characters do.
const requestArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PHRASES),
      fc.integer({ min: 0, max: 10_000 }).map(String),
      fc.constantFrom('1:30', '90s', '2min', '1.5', '0', '00:00', '99:59', 'Romeo', 'ñandú', '🙂'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .chain((parts) => fc.tuple(fc.constant(parts), fc.array(fc.constantFrom(...SEPARATORS), { minLength: parts.length, maxLength: parts.length })))
  .map(([parts, seps]) => parts.map((p, i) => p + seps[i]).join('').slice(0, 500))

describe('parseRequestOffline: properties', () => {
  it('always returns schema-valid, deterministic params for lexicon soup', () => {
    fc.assert(
      fc.property(requestArb, (text) => {
        const a = parseRequestOffline(text)
        expect(ChoreographyParamsSchema.safeParse(a).success).toBe(true)
        expect(a.parser).toBe('offline')
        expect(parseRequestOffline(text)).toStrictEqual(a)
        // A family is never both wanted and refused, and nothing refused is emphasised.
        expect(a.includeFamilies.filter((f) => a.excludeFamilies.includes(f))).toEqual([])
        expect(a.emphasis.filter((e) => a.excludeFamilies.includes(e.family))).toEqual([])
      }),
      { numRuns: 400, seed: 5 },
    )
  })

  it('never throws on arbitrary text up to 500 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500, unit: 'grapheme' }), (text) => {
        fc.pre(text.trim().length <= 500)
        expect(ChoreographyParamsSchema.safeParse(parseRequestOffline(text)).success).toBe(true)
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  it('parses a typical request in well under a millisecond (median)', () => {
    const text = 'romantic beginner routine with a few easy turns, no dips, about two minutes, for our wedding'
    for (let i = 0; i < 200; i++) parseRequestOffline(text) // warm-up (JIT)
    const times: number[] = []
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now()
      parseRequestOffline(text)
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(1)
  })
})
