import { describe, expect, it } from 'vitest'
import { normalizeText, stem, textWords } from '@/lib/engines/dance/tokenize'
import { LEXICON_ROWS, lexiconPhrases } from '@/lib/engines/request/match-lexicon-terms'
import type { LexCue } from '@/lib/engines/request/lexicon-types'
import { HELD_OUT, NEUTRAL, type Phrasing } from './held-out-phrasings'
import { FIELDS, type Field } from './score-phrasings'

/** The cue types that set each scored field (tempo rows set energy too, weakly). */
const FIELD_CUES: Record<Field, LexCue['type']> = { difficulty: 'difficulty', style: 'style', mood: 'mood', energy: 'energy' }

const stems = (text: string) => textWords(text).map(stem)

/** Every lexicon phrase, by stems, that sets this field. */
function phrasesFor(field: Field): string[][] {
  return LEXICON_ROWS.filter(([, cues]) => cues.some((c) => c.type === FIELD_CUES[field]))
    .flatMap(([phrases]) => phrases.split('|').map(stems))
}

const contains = (words: string[], phrase: string[]) =>
  words.some((_, i) => phrase.length > 0 && phrase.every((w, k) => words[i + k] === w))

function leaks(set: readonly Phrasing[]): string[] {
  const byField = Object.fromEntries(FIELDS.map((f) => [f, phrasesFor(f)])) as Record<Field, string[][]>
  return set.flatMap((p) => {
    const words = stems(p.text)
    return FIELDS.flatMap((f) =>
      p.expect[f] === undefined ? [] : byField[f].filter((ph) => contains(words, ph)).map((ph) => `${p.text} [${f}]: "${ph.join(' ')}"`),
    )
  })
}

describe('held-out dancer phrasings', () => {
  it('has at least 60 phrasings, each scored on at least one field, none listed twice', () => {
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(60)
    for (const p of HELD_OUT) expect(Object.keys(p.expect).length, p.text).toBeGreaterThan(0)
    expect(new Set(HELD_OUT.map((p) => normalizeText(p.text))).size).toBe(HELD_OUT.length)
  })

  it('contains no lexicon phrase, by stem, for any field it is scored on, and is no lexicon entry itself', () => {
    const entries = new Set(lexiconPhrases().map((p) => stems(p).join(' ')))
    expect(HELD_OUT.filter((p) => entries.has(stems(p.text).join(' '))).map((p) => p.text)).toEqual([])
    expect(leaks(HELD_OUT)).toEqual([])
  })

  it('the leak check catches a phrasing that uses a lexicon word, also inflected', () => {
    expect(leaks([{ lang: 'en', text: 'two absolute beginners', expect: { difficulty: 'beginner' } }])).not.toEqual([])
    expect(leaks([{ lang: 'en', text: 'she is so playfully cheeky', expect: { mood: 'playful' } }])).not.toEqual([])
    expect(leaks([{ lang: 'en', text: 'slowly please', expect: { energy: 'low' } }])).not.toEqual([])
    // Only the scored field counts: "slow" sets energy, not style.
    expect(leaks([{ lang: 'en', text: 'slow and steamy', expect: { style: 'sensual' } }])).toEqual([])
  })

  it('keeps the neutral requests apart from the scored ones', () => {
    const scored = new Set(HELD_OUT.map((p) => normalizeText(p.text)))
    expect(NEUTRAL.filter((t) => scored.has(normalizeText(t)))).toEqual([])
  })
})
