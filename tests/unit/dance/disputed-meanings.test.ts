import { movesOf } from '@/lib/engines/choreography/blueprint-schema'
import { describe, expect, it } from 'vitest'
import { FAMILY_ROWS, searchWordsOf } from '@/lib/engines/dance/lexicon'
import { textWords } from '@/lib/engines/dance/tokenize'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { expandWithLexicon } from '@/lib/engines/search/understand-query'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { fixtureLibrary } from '@/tests/fixtures/choreography/fixture-library'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'

/**
 * Words the two old lexicons disagreed on (issue 9) get one meaning, and the parser and
 * search both read it from the one lexicon. Each case says what the parser makes of the
 * word and what search adds to a query that uses it.
 */
const searchFor = (text: string) => expandWithLexicon(textWords(text))

describe('one meaning for the disputed words', () => {
  it('wrap / cuddle / sweetheart is the cuddle hold, not the shadow family', () => {
    expect(parseRequestOffline('a wrap and a cuddle').includeFamilies).toEqual([])
    expect(parseRequestOffline('no wraps').excludeFamilies).toEqual([])
    expect(parseRequestOffline('no wraps').excludeHolds).toEqual(['cuddle'])
    expect(parseRequestOffline('sin sweethearts, more turns').excludeHolds).toEqual(['cuddle'])
    for (const word of ['wrap', 'cuddle', 'sweetheart']) {
      expect(searchFor(word), word).toContain('cuddle')
      expect(searchFor(word), word).not.toContain('shadow')
    }
  })

  it('drop is a dip', () => {
    expect(parseRequestOffline('one drop at the end').includeFamilies).toEqual(['dip'])
    expect(parseRequestOffline('no drops').excludeFamilies).toEqual(['dip'])
    expect(searchFor('a drop')).toContain('dip')
  })

  it('twirl is a lady turn', () => {
    expect(parseRequestOffline('lots of twirls').includeFamilies).toEqual(['lady-turn'])
    expect(parseRequestOffline('twirling').includeFamilies).toEqual(['lady-turn'])
    expect(searchFor('twirl her')).toContain('turn')
  })

  it('close is the close hold, not the sensual style', () => {
    expect(parseRequestOffline('close and intimate').style).toBeNull()
    expect(parseRequestOffline('nothing too close').style).toBeNull()
    expect(parseRequestOffline('nothing too close').excludeFamilies).toEqual(expect.arrayContaining(['dip', 'bolero']))
    expect(searchFor('close')).toContain('embrace')
    expect(searchFor('close')).not.toContain('sensual')
    // The style itself still has its words.
    expect(parseRequestOffline('sexy and sultry').style).toBe('sensual')
    expect(searchFor('sultry')).toContain('sensual')
  })

  it('every family phrase the parser reads as a family, search expands to that family', () => {
    for (const [phrases, meanings] of FAMILY_ROWS) {
      const familyWords = searchWordsOf(meanings.filter((m) => m.type === 'family'))
      for (const phrase of phrases.split('|')) {
        expect(searchFor(phrase), phrase).toEqual(expect.arrayContaining(familyWords))
      }
    }
  })
})

describe('a refused hold reaches the blueprint', () => {
  it('"no wraps" leaves out every move that enters or leaves the cuddle', () => {
    const library = [...fixtureLibrary(), ...demoLibrary()]
    const cuddles = new Set(library.filter((m) => m.entry.hold === 'cuddle' || m.exit.hold === 'cuddle').map((m) => m.id))
    expect(cuddles.size).toBeGreaterThan(0)
    const analysis = generateAnalysis({ seed: 5, bpm: 124, driftPct: 1, jitterMs: 6, pickupBeats: 0 })
    const song = { id: 'song-h', storageKey: 'songs/song-h.mp3' }
    const params = parseRequestOffline('romantic, with no wraps')
    const picked = new Set<string>()
    for (let seed = 1; seed <= 6; seed++) {
      for (const m of movesOf(buildBlueprint({ analysis, params, library, seed, song }))) picked.add(m.moveId)
    }
    expect([...picked].filter((id) => cuddles.has(id))).toEqual([])
    // Without the refusal the same seeds do use the cuddle: the exclusion is what keeps it out.
    const free = new Set<string>()
    for (let seed = 1; seed <= 6; seed++) {
      for (const m of movesOf(buildBlueprint({ analysis, params: parseRequestOffline('romantic'), library, seed, song }))) free.add(m.moveId)
    }
    expect([...free].some((id) => cuddles.has(id))).toBe(true)
  })
})
