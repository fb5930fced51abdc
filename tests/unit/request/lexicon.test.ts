import { describe, expect, it } from 'vitest'
import { FAMILIES } from '@/lib/engines/dance/vocabulary'
import { FAMILY_ROWS, LEVEL_ROWS, MOOD_ROWS, STYLE_ROWS, type DanceMeaning, type DanceRow } from '@/lib/engines/dance/lexicon'
import { lexiconPhrases } from '@/lib/engines/request/match-lexicon-terms'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'

const phrasesOf = (row: DanceRow) => row[0].split('|')
const firstCue = <T extends DanceMeaning['type']>(row: DanceRow, type: T) =>
  row[1].find((c): c is Extract<DanceMeaning, { type: T }> => c.type === type)

describe('lexicon', () => {
  it('lists no phrase twice (a duplicate would silently shadow the other meaning)', () => {
    const phrases = lexiconPhrases()
    const seen = new Set<string>()
    const dupes = phrases.filter((p) => (seen.has(p) ? true : (seen.add(p), false)))
    expect(dupes).toEqual([])
  })

  it('has at least one phrase for every move family', () => {
    const covered = new Set(FAMILY_ROWS.map((row) => firstCue(row, 'family')!.family))
    expect([...covered].sort()).toEqual([...FAMILIES].sort())
  })

  it('maps every family phrase to its family, alone and after "no"', () => {
    for (const row of FAMILY_ROWS) {
      const { family } = firstCue(row, 'family')!
      for (const phrase of phrasesOf(row)) {
        // "basic" alone is the family; only before another family does it mean "simple".
        expect(parseRequestOffline(phrase).includeFamilies, phrase).toEqual([family])
        expect(parseRequestOffline(`no ${phrase}`).excludeFamilies, `no ${phrase}`).toEqual([family])
      }
    }
  })

  it('maps every level, style and mood phrase to its value', () => {
    for (const row of LEVEL_ROWS) {
      const { value } = firstCue(row, 'difficulty')!
      for (const phrase of phrasesOf(row)) expect(parseRequestOffline(phrase).difficulty, phrase).toBe(value)
    }
    for (const row of STYLE_ROWS) {
      const { value } = firstCue(row, 'style')!
      for (const phrase of phrasesOf(row)) expect(parseRequestOffline(phrase).style, phrase).toBe(value)
    }
    for (const row of MOOD_ROWS) {
      const { value } = firstCue(row, 'mood')!
      for (const phrase of phrasesOf(row)) expect(parseRequestOffline(phrase).moods, phrase).toEqual([value])
    }
  })

  it('gives schema-valid params for every phrase of the lexicon on its own', () => {
    for (const phrase of lexiconPhrases()) {
      expect(ChoreographyParamsSchema.safeParse(parseRequestOffline(phrase)).success, phrase).toBe(true)
    }
  })
})
