import { describe, expect, it } from 'vitest'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { ChoreographyParamsSchema, type ChoreographyParams } from '@/lib/engines/dance/choreography-params'

/** The complete expected params: defaults plus what the case states (parser "offline"). */
const params = (fields: Partial<ChoreographyParams>): ChoreographyParams =>
  ChoreographyParamsSchema.parse({ parser: 'offline', ...fields })

const MAMBO = { kind: 'section', section: 'mambo' } as const
const CHORUS = { kind: 'section', section: 'chorus' } as const
const BEST = { kind: 'best', section: null } as const

type Case = [text: string, expected: Partial<ChoreographyParams>]

// Whole params are compared: a span phrase must also leave nothing behind in the query,
// the families or the duration.
const CASES: Case[] = [
  ['with the mambo', { span: MAMBO }],
  ['with the mambo, 1 minute', { span: MAMBO, durationSeconds: 60 }],
  ['con el mambo', { span: MAMBO }],
  ['just the chorus', { span: CHORUS }],
  ['only the chorus, no spins', { span: CHORUS, excludeFamilies: ['spin'] }],
  ['solo el coro', { span: CHORUS }],
  ['a routine for just the chorus, beginner', { span: CHORUS, difficulty: 'beginner' }],
  ['the verse part', { span: { kind: 'section', section: 'verse' } }],
  ['the best minute', { span: BEST, durationSeconds: 60 }],
  ['sensual, the best 30 seconds', { span: BEST, durationSeconds: 30, style: 'sensual' }],
  ['el mejor minuto', { span: BEST, durationSeconds: 60 }],
  ['the best part of the song', { span: BEST }],
  ['la mejor parte de la cancion', { span: BEST }],
  ['the highlight, 45 seconds', { span: BEST, durationSeconds: 45 }],
  ['from the start, 2 minutes', { span: { kind: 'start', section: null }, durationSeconds: 120 }],
  ['no count-in', { countIn: false }],
  ['without a count in, just the chorus', { countIn: false, span: CHORUS }],
  ['sin conteo', { countIn: false }],
  // Not span requests: these stay what they were.
  ['start with an intro move, no dips', { includeFamilies: ['intro'], excludeFamilies: ['dip'] }],
  ['lots of footwork in the mambo', { includeFamilies: ['footwork'], emphasis: [{ family: 'footwork', direction: 'more', count: null }], query: 'mambo' }],
  ['the best routine for beginners', { difficulty: 'beginner', query: 'best' }],
  ['calm, then energetic for the mambo', { energy: 'high', moods: ['energetic'], query: 'mambo', warnings: ['energy: chose "high" ("energetic") over "low" ("calm")'] }],
  ['just the chorus... actually with the mambo', { span: MAMBO, warnings: ['span: chose "with the mambo" over "just the chorus"'] }],
]

describe('span and count-in phrases (offline parser)', () => {
  for (const [text, expected] of CASES) {
    it(text, () => {
      expect(parseRequestOffline(text)).toEqual(params(expected))
    })
  }

  it('leaves the defaults when nothing is said: from the start, with a count-in', () => {
    const p = parseRequestOffline('romantic beginner routine, two minutes')
    expect([p.span, p.countIn]).toEqual([{ kind: 'start', section: null }, true])
  })
})
