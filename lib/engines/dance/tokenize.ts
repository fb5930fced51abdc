import { LRUCache } from 'lru-cache'
import porter2 from 'wink-porter2-stemmer'

/**
 * The one tokeniser for dance text: requests, search queries and move annotations all go
 * through it, so the parser, the lexicon and search see the same words.
 */
export type TokenKind = 'word' | 'number' | 'time' | 'punct'
export interface Token {
  kind: TokenKind
  /** Normalised text: lower case, accents stripped ("Romántica" → "romantica"). */
  text: string
}

/** Bounds the work on hostile input: a 1 MB query costs no more than a normal one. */
const MAX_CHARS = 4000

/**
 * Lower-cases, strips diacritics (so Spanish works with or without accents, "güira" meets
 * "guira"), drops apostrophes ("don't" → "dont") and turns hyphens into spaces
 * ("show-off" → "show off").
 */
export function normalizeText(text: string): string {
  return text
    .slice(0, MAX_CHARS)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/(\d)\s*[-–]\s*(\d)/g, '$1 to $2') // "2-3 minutes" is a range, not two numbers
    .replace(/[-–—_/]/g, ' ')
    .replace(/&/g, ' and ')
}

// Order matters: a clock time before a plain number, a number glued to its unit ("90s",
// "2min", "1.5m") is split so the unit is its own word.
const TOKEN_RE = /(\d{1,2}:\d{2})|(\d+(?:[.,]\d+)?)([a-z]+)?|([a-z]+)|([.,;:!?()])/g

/** Tokens of normalised text (see normalizeText). */
export function tokenize(normalized: string, maxTokens = Infinity): Token[] {
  const tokens: Token[] = []
  for (const m of normalized.matchAll(TOKEN_RE)) {
    if (tokens.length >= maxTokens) break
    if (m[1]) tokens.push({ kind: 'time', text: m[1] })
    else if (m[2]) {
      tokens.push({ kind: 'number', text: m[2].replace(',', '.') })
      if (m[3]) tokens.push({ kind: 'word', text: m[3] })
    } else if (m[4]) tokens.push({ kind: 'word', text: m[4] })
    else if (m[5]) tokens.push({ kind: 'punct', text: m[5] })
  }
  return tokens
}

/** The words and numbers of any text, normalised: what search embeds and matches. */
export function textWords(text: string, maxWords = 256): string[] {
  return tokenize(normalizeText(text), maxWords * 2)
    .filter((t) => t.kind === 'word' || t.kind === 'number')
    .slice(0, maxWords)
    .map((t) => t.text)
}

/** Porter2 stem, so "turns"/"turning" meet "turn" and "beginners" meets "beginner". */
export function stem(word: string): string {
  let stemmed = STEMS.get(word)
  if (stemmed === undefined) {
    stemmed = porter2(word)
    STEMS.set(word, stemmed)
  }
  return stemmed
}

// The same few thousand words are stemmed again and again (each search hit's explanation stems
// its move's words): measured at a tenth of a search request's CPU before they were kept.
// Bounded, since queries bring any words.
const STEMS = new LRUCache<string, string>({ max: 20_000 })
