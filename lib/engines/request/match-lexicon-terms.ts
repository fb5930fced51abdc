import { DANCE_LEXICON, buildPhraseIndex, phrasesOf, type DanceMeaning } from '@/lib/engines/dance/lexicon'
import type { Token } from '@/lib/engines/dance/tokenize'
import { DURATION_ROWS, FILLER_ROWS, MODIFIER_ROWS, NUMBER_ROWS, QUANTITY_ROWS } from './lexicon-grammar'
import { IMPLIED_ROWS } from './lexicon-implied'
import type { LexCue, LexRow } from './lexicon-types'

/** A run of tokens [start, end) that the lexicon recognised, or one unknown word. */
export interface Term {
  start: number
  end: number
  /** The normalised words of the run, for warnings and the free-text query. */
  text: string
  /** implied: a weak reading of a phrase (lexicon-implied.ts) or of a word the lexicon lacks (read-unknown-words.ts). */
  kind: 'lexicon' | 'implied' | 'unknown' | 'comma' | 'stop'
  cues: readonly LexCue[]
}

/**
 * The dance rows of the shared lexicon with their search-only `also` words dropped; rows
 * that are nothing but search synonyms ("lots", "twice") are grammar here, not dance terms.
 */
const DANCE_ROWS: LexRow[] = DANCE_LEXICON.flatMap(([phrases, meanings]) => {
  const cues = meanings.filter((m): m is Exclude<DanceMeaning, { type: 'also' }> => m.type !== 'also')
  return cues.length ? [[phrases, cues] as const] : []
})

export const LEXICON_ROWS: readonly LexRow[] = [
  ...DANCE_ROWS, ...DURATION_ROWS, ...NUMBER_ROWS, ...QUANTITY_ROWS, ...MODIFIER_ROWS, ...FILLER_ROWS, ...IMPLIED_ROWS,
]

/** Every phrase the parser knows, in row order (the tests check none is listed twice). */
export function lexiconPhrases(rows: readonly LexRow[] = LEXICON_ROWS): string[] {
  return phrasesOf(rows)
}

const IMPLIED = new Set<readonly LexCue[]>(IMPLIED_ROWS.map(([, cues]) => cues))
const INDEX = buildPhraseIndex(LEXICON_ROWS.flatMap(([phrases, cues]) => phrases.split('|').map((p) => [p, cues] as const)))

/** The cues of a one-word lexicon phrase, or null: for words recognised in another form (Spanish endings). */
export function lexiconCuesOf(word: string): readonly LexCue[] | null {
  return INDEX.matchAt([word], 0)?.value ?? null
}

function clockSeconds(text: string): number {
  const [m, s] = text.split(':').map(Number)
  return m * 60 + s
}

/** Groups tokens into terms by longest lexicon match; numbers and clock times are terms too. */
export function matchLexiconTerms(tokens: Token[]): Term[] {
  // Punctuation never joins a phrase: it becomes a word no phrase contains.
  const words = tokens.map((t) => (t.kind === 'punct' ? '\0' : t.text))
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
    const hit = INDEX.matchAt(words, i)
    if (hit) {
      const end = i + hit.length
      terms.push({ start: i, end, text: words.slice(i, end).join(' '), kind: IMPLIED.has(hit.value) ? 'implied' : 'lexicon', cues: hit.value })
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
