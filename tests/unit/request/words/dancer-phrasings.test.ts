import { beforeAll, describe, expect, it } from 'vitest'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { buildWordMeanings, type WordMeanings } from '@/lib/engines/request/word-meanings'
import { readWordVectors } from '@/lib/engines/search/word-vectors-file'
import { ensureWordVectors } from '@/scripts/lib/compact-word-vectors'
import { normalizeText, stem, textWords } from '@/lib/engines/dance/tokenize'
import { LEXICON_ROWS, lexiconPhrases } from '@/lib/engines/request/match-lexicon-terms'
import type { LexCue } from '@/lib/engines/request/lexicon-types'
import { BECAME_LEXICON, HELD_OUT, NEUTRAL, type Phrasing } from './held-out-phrasings'
import { FIELDS, noisyReadings, scorePhrasings, type Field } from './score-phrasings'

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

  it('the removed phrasings are the ones the lexicon came to contain', () => {
    for (const p of BECAME_LEXICON) expect(leaks([p]), p.text).not.toEqual([])
  })

  it('keeps the neutral requests apart from the scored ones', () => {
    const scored = new Set(HELD_OUT.map((p) => normalizeText(p.text)))
    expect(NEUTRAL.filter((t) => scored.has(normalizeText(t)))).toEqual([])
  })
})

// The figures themselves (before/after, side by side) come from npm run bench:request-words;
// this guards what they show: the word vectors read more than the lexicon alone on every
// field, rarely wrongly, and leave requests that imply nothing (almost) empty.
describe('held-out accuracy with the word vectors', () => {
  let wordMeanings: WordMeanings
  beforeAll(async () => {
    wordMeanings = buildWordMeanings(await readWordVectors(await ensureWordVectors()))
  })

  it('reads more of every field than the lexicon alone', () => {
    const lexicon = scorePhrasings(HELD_OUT, (t) => parseRequestOffline(t))
    const after = scorePhrasings(HELD_OUT, (t) => parseRequestOffline(t, { wordMeanings }))
    for (const [i, f] of FIELDS.entries()) expect(after[i].correct, f).toBeGreaterThan(lexicon[i].correct)
    const read = after.reduce((a, s) => a + s.correct + s.wrong, 0)
    expect(after.reduce((a, s) => a + s.wrong, 0)).toBeLessThanOrEqual(read / 10)
  })

  it('gives at most one of the neutral requests any reading', () => {
    expect(noisyReadings(NEUTRAL, (t) => parseRequestOffline(t, { wordMeanings })).length).toBeLessThanOrEqual(1)
  })
})
