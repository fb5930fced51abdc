import { ENERGY_ROWS, FAMILY_ROWS, HOLD_ROWS, LEVEL_ROWS, MOOD_ROWS, STYLE_ROWS, TEMPO_ROWS } from './lexicon-dance'
import { DURATION_ROWS, FILLER_ROWS, MODIFIER_ROWS, NUMBER_ROWS, QUANTITY_ROWS } from './lexicon-grammar'
import type { LexCue, LexRow } from './lexicon-types'
import type { Token } from './tokenize-request'

/** A run of tokens [start, end) that the lexicon recognised, or one unknown word. */
export interface Term {
  start: number
  end: number
  /** The normalised words of the run, for warnings and the free-text query. */
  text: string
  kind: 'lexicon' | 'unknown' | 'comma' | 'stop'
  cues: readonly LexCue[]
}

interface Entry {
  words: string[]
  cues: readonly LexCue[]
}

export const LEXICON_ROWS: readonly LexRow[] = [
  ...FAMILY_ROWS, ...LEVEL_ROWS, ...STYLE_ROWS, ...MOOD_ROWS, ...ENERGY_ROWS, ...TEMPO_ROWS, ...HOLD_ROWS,
  ...DURATION_ROWS, ...NUMBER_ROWS, ...QUANTITY_ROWS, ...MODIFIER_ROWS, ...FILLER_ROWS,
]

/** Every phrase of the lexicon, in row order (the tests check none is listed twice). */
export function lexiconPhrases(rows: readonly LexRow[] = LEXICON_ROWS): string[] {
  return rows.flatMap(([phrases]) => phrases.split('|').map((p) => p.trim()))
}

// Index by first word, longest phrase first, built once: matching is then a few map
// look-ups per word, which keeps the parser well under a millisecond.
function buildIndex(rows: readonly LexRow[]): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>()
  for (const [phrases, cues] of rows) {
    for (const phrase of phrases.split('|')) {
      const words = phrase.trim().split(/\s+/)
      const list = index.get(words[0]) ?? []
      list.push({ words, cues })
      index.set(words[0], list)
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length)
  return index
}

const INDEX = buildIndex(LEXICON_ROWS)

function matchesAt(tokens: Token[], i: number, words: string[]): boolean {
  if (i + words.length > tokens.length) return false
  return words.every((w, k) => tokens[i + k].kind !== 'punct' && tokens[i + k].text === w)
}

function clockSeconds(text: string): number {
  const [m, s] = text.split(':').map(Number)
  return m * 60 + s
}

/** Groups tokens into terms by longest lexicon match; numbers and clock times are terms too. */
export function matchLexiconTerms(tokens: Token[]): Term[] {
  const terms: Term[] = []
  let i = 0
  while (i < tokens.length) {
    const t = tokens[i]
    if (t.kind === 'punct') {
      terms.push({ start: i, end: i + 1, text: t.text, kind: t.text === ',' ? 'comma' : 'stop', cues: [] })
      i += 1
      continue
    }
    if (t.kind === 'time') {
      const cues: LexCue[] = [{ type: 'duration', seconds: clockSeconds(t.text), strength: 2 }]
      terms.push({ start: i, end: i + 1, text: t.text, kind: 'lexicon', cues })
      i += 1
      continue
    }
    const entry = INDEX.get(t.text)?.find((e) => matchesAt(tokens, i, e.words))
    if (entry) {
      const end = i + entry.words.length
      terms.push({ start: i, end, text: entry.words.join(' '), kind: 'lexicon', cues: entry.cues })
      i = end
    } else if (t.kind === 'number') {
      terms.push({ start: i, end: i + 1, text: t.text, kind: 'lexicon', cues: [{ type: 'number', value: Number(t.text) }] })
      i += 1
    } else {
      terms.push({ start: i, end: i + 1, text: t.text, kind: 'unknown', cues: [] })
      i += 1
    }
  }
  return terms
}
