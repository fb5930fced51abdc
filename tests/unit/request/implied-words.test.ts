import { describe, expect, it } from 'vitest'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { IMPLIED_ROWS } from '@/lib/engines/request/lexicon-implied'
import { spanishWordForms } from '@/lib/engines/request/spanish-word-forms'
import type { WordMeanings } from '@/lib/engines/request/word-meanings'
import { CLOSE_HOLD_FAMILIES } from '@/lib/engines/request/request-signals'

describe('implied lexicon: what a phrase implies without naming it', () => {
  it('reads every implied phrase on its own as its value, and keeps its words for search', () => {
    for (const [phrases, cues] of IMPLIED_ROWS) {
      for (const phrase of phrases.split('|')) {
        const p = parseRequestOffline(phrase)
        for (const cue of cues) {
          if (cue.type === 'mood') expect(p.moods, phrase).toContain(cue.value)
          else if (cue.type === 'difficulty' || cue.type === 'energy' || cue.type === 'style') expect(p[cue.type], phrase).toBe(cue.value)
        }
        expect(p.query, phrase).not.toBe('')
      }
    }
  })

  it('reads how experienced the couple is', () => {
    expect(parseRequestOffline("we've been dancing together for years").difficulty).toBe('advanced')
    expect(parseRequestOffline('my partner is still learning').difficulty).toBe('beginner')
    expect(parseRequestOffline('somos novatos').difficulty).toBe('beginner')
  })

  it('is weak: an explicit word wins wherever it stands, with a warning', () => {
    const p = parseRequestOffline('make it easy, even though we have danced for years')
    expect(p.difficulty).toBe('beginner')
    expect(p.warnings).toEqual(['difficulty: chose "beginner" ("easy") over "advanced" ("for years")'])
  })

  it('"intimate" is a close hold that implies romance; refusing it refuses both', () => {
    expect(parseRequestOffline('something intimate')).toMatchObject({ moods: ['romantic'], excludeFamilies: [], query: 'intimate' })
    expect(parseRequestOffline('close please').moods).toEqual([])
    expect(parseRequestOffline('nothing too intimate')).toMatchObject({ moods: [], excludeFamilies: [...CLOSE_HOLD_FAMILIES] })
  })
})

describe('Spanish word forms', () => {
  it('offers the plural, gender and diminutive base forms of a word', () => {
    expect(spanishWordForms('pegaditos')).toContain('pegadito')
    expect(spanishWordForms('suavecito')).toContain('suave')
    expect(spanishWordForms('tranquilitas')).toContain('tranquila')
    expect(spanishWordForms('despacito')).toContain('despacio')
    expect(spanishWordForms('romanticas')).toContain('romantica')
    expect(spanishWordForms('sol')).toEqual([])
  })

  it('reads a lexicon word in another form, dance meanings only', () => {
    expect(parseRequestOffline('para bailar pegaditos').moods).toEqual(['romantic'])
    expect(parseRequestOffline('algo suavecito').moods).toEqual(['smooth'])
    expect(parseRequestOffline('tranquilitos').energy).toBe('low')
    expect(parseRequestOffline('unas vueltitas').includeFamilies).toEqual(['lady-turn'])
    // "nadas" would be "nada" (a negation): grammar never carries over, so the dip stays wanted.
    expect(parseRequestOffline('nadas dips').includeFamilies).toEqual(['dip'])
  })
})

describe('the injected word-vector look-up', () => {
  // A look-up as buildWordMeanings returns it; the parser's handling is what is tested here.
  const meanings: WordMeanings = (word) =>
    word === 'sleepy' ? { term: 'mellow', similarity: 0.7, cues: [{ type: 'energy', value: 'low', strength: 1 }] }
      : word === 'cheery' ? { term: 'playful', similarity: 0.7, cues: [{ type: 'mood', value: 'playful' }] }
        : null

  it('reads a word the lexicon lacks as its nearest term, and keeps the word in the query', () => {
    expect(parseRequestOffline('a sleepy cheery routine', { wordMeanings: meanings })).toMatchObject({
      energy: 'low', moods: ['playful'], query: 'sleepy cheery',
    })
    expect(parseRequestOffline('a sleepy cheery routine')).toMatchObject({ energy: null, moods: [], query: 'sleepy cheery' })
  })

  it('loses to an explicit word, and follows negation and intensity like any cue', () => {
    expect(parseRequestOffline('sleepy but energetic', { wordMeanings: meanings }).energy).toBe('high')
    const negated = parseRequestOffline('not sleepy', { wordMeanings: meanings })
    expect(negated).toMatchObject({ energy: 'medium', query: '' })
    // "very" makes the implied cue as strong as an explicit one; the later one then wins.
    expect(parseRequestOffline('lively, no, very sleepy', { wordMeanings: meanings }).energy).toBe('low')
  })
})
