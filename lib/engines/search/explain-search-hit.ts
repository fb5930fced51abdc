import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { stem, textWords } from '@/lib/engines/dance/tokenize'
import { lexicalTerms } from './lexical-match'
import type { ScoreParts } from './search-moves'
import { isContentWord, understandQuery } from './understand-query'

type Explained = Pick<MoveAnnotation, 'name' | 'variant' | 'family' | 'tags' | 'styles' | 'moods' | 'difficulty' | 'entry' | 'exit'>

/** Semantic is rescaled over the candidates (1 = the closest of them), so these are ranks, not cosines. */
const CLOSE = 0.75
const RELATED = 0.5
/** Attribute agreement from here on reads as "fits" (1 = everything the query implied). */
const FITS = 0.75
const quote = (words: string[]) => words.map((w) => `'${w}'`).join(', ')

/** The move's own words, stemmed: worked out once per move object (moves in the index are
 * replaced, never changed in place), since every search explains up to a hundred hits. */
const MOVE_WORDS = new WeakMap<Explained, { name: Set<string>; tags: Set<string>; other: Set<string> }>()

function moveWords(move: Explained) {
  let words = MOVE_WORDS.get(move)
  if (!words) {
    words = {
      name: new Set(textWords(`${move.name} ${move.variant}`).map(stem)),
      tags: new Set(textWords(move.tags.join(' ')).map(stem)),
      other: lexicalTerms(move),
    }
    MOVE_WORDS.set(move, words)
  }
  return words
}

/**
 * One short line on why a search hit ranks where it does, from its score parts: the query
 * words it shares (with the lexicon applied, as search saw them), how close it is in
 * meaning, which implied levels/styles/moods it fits. E.g. "matches 'turn' in the name ·
 * close in meaning · fits beginner". Words are the query's own, never the stems.
 */
export function explainSearchHit(o: { query: string; move: Explained; parts: ScoreParts }): string {
  return searchHitExplainer(o.query)(o.move, o.parts)
}

/** explainSearchHit for many hits of one query: the query is read once. */
export function searchHitExplainer(query: string): (move: Explained, parts: ScoreParts) => string {
  const words = understandQuery(query).expandedText.split(' ').filter((w) => w && isContentWord(w))
  return (move, parts) => explain(words, move, parts)
}

function explain(words: string[], move: Explained, parts: ScoreParts): string {
  const bits: string[] = []
  // The move's vocabulary labels read as "fits beginner" whether lexical or attribute
  // matching found them; holds and the family read as "labelled".
  const vocab: string[] = [move.difficulty, ...move.styles, ...move.moods]
  const fits: string[] = []
  const mentioned = new Set<string>()

  if (parts.lexical > 0) {
    const { name, tags, other } = moveWords(move)
    const seen = new Set<string>()
    const inName: string[] = [], inTags: string[] = [], inLabels: string[] = []
    for (const w of words) {
      const s = stem(w)
      if (seen.has(s)) continue
      seen.add(s)
      const where = name.has(s) ? inName : tags.has(s) ? inTags : vocab.includes(w) ? fits : other.has(s) ? inLabels : null
      where?.push(w)
      if (where) mentioned.add(w)
    }
    if (inName.length) bits.push(`matches ${quote(inName)} in the name`)
    if (inTags.length) bits.push(`tagged ${quote(inTags)}`)
    if (inLabels.length) bits.push(`labelled ${quote(inLabels)}`)
  }
  if (parts.semantic >= CLOSE) bits.push('close in meaning')
  else if (parts.semantic >= RELATED) bits.push('related in meaning')
  const named = vocab.filter((l) => words.includes(l))
  if (parts.attributes >= FITS) fits.push(...named.filter((l) => !mentioned.has(l)))
  if (fits.length) bits.push(`fits ${fits.join(', ')}`)
  else if (parts.attributes >= FITS && !named.length) bits.push('fits the level and pace asked for')
  if (parts.boost > 0) bits.push('matches your preferences')
  return bits.length ? bits.join(' · ') : 'a distant match'
}
