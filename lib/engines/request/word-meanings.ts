import { LEVEL_ROWS, MOOD_ROWS, ENERGY_ROWS, STYLE_ROWS, TEMPO_ROWS, type DanceMeaning } from '@/lib/engines/dance/lexicon'
import type { WordVectors } from '@/lib/engines/search/word-vectors-file'
import type { LexCue, LexRow } from './lexicon-types'

/** What a word the lexicon lacks was read as: the nearest vocabulary term and its meaning, weakened. */
export interface WordMeaning {
  term: string
  similarity: number
  cues: readonly LexCue[]
}

/** The parser's injected look-up (pure: built from word-vector data, no I/O). */
export type WordMeanings = (word: string) => WordMeaning | null

export interface WordMeaningOptions {
  /** Least cosine (of mean-centred vectors) to the nearest term; below it a word adds nothing. */
  floor?: number
  /** The nearest term must beat the nearest term of another meaning by this much. */
  margin?: number
  /** Words this frequent (source rank below this) are too general to imply anything ("party", "years"). */
  minRank?: number
  /** Compare with everyday words too (see EVERYDAY_WORDS). */
  distractors?: boolean
}

/** Chosen on the tuning set (tests/unit/request/words/tuning-phrasings.ts), never on the held-out set. */
export const WORD_MEANING_DEFAULTS: Required<WordMeaningOptions> = { floor: 0.45, margin: 0.03, minRank: 1000, distractors: true }

type ScalarCue = Extract<LexCue, { type: 'difficulty' | 'energy' | 'style' | 'tempo' | 'mood' }>
const isScalar = (c: LexCue | DanceMeaning): c is ScalarCue =>
  c.type === 'difficulty' || c.type === 'energy' || c.type === 'style' || c.type === 'tempo' || c.type === 'mood'

/**
 * The targets: one-word terms of the dance lexicon that name a level, style, mood, energy or
 * tempo. Not the implied terms ("wedding"): a word near a guess is too far from the meaning.
 */
const ANCHOR_ROWS: readonly LexRow[] =
  [...LEVEL_ROWS, ...STYLE_ROWS, ...MOOD_ROWS, ...ENERGY_ROWS, ...TEMPO_ROWS].map(([p, m]) => [p, m.filter(isScalar)] as const)

/**
 * Everyday words with no meaning for the dance: a word nearer to one of them than to any
 * dance term ("engineers", "girlfriend", "mirror") is about the people, the place or the
 * things around the dance, and adds nothing.
 */
const EVERYDAY_WORDS = ('person people man woman friend family husband wife brother sister mother father child kids ' +
  'job work office engineer doctor student school house home room kitchen garden park city street car phone ' +
  'mirror shoes clothes dress table chair day week month year morning night weekend video camera picture').split(' ')

/** A borrowed meaning is always a guess: strength 1, whatever the term's own. */
const weaken = (cues: readonly LexCue[]): LexCue[] =>
  cues.filter(isScalar).map((c) => (c.type === 'mood' ? c : { ...c, strength: 1 as const }))

const signature = (cues: readonly LexCue[]) => cues.map((c) => `${c.type}:${'value' in c ? c.value : ''}`).sort().join(',')

/**
 * Maps a word the lexicon lacks onto the nearest one-word term of the lexicon that sets a
 * level, style, mood, energy or tempo ("cheerful" → "playful"), by cosine of the pretrained
 * word vectors after removing their mean (skip-gram vectors share a common direction that
 * makes every pair look alike). A word adds nothing unless it is rare enough to be specific,
 * at least `floor` similar, and clearly nearer (by `margin`) to that meaning than to any other.
 */
export function buildWordMeanings(vectors: WordVectors, opts: WordMeaningOptions = {}): WordMeanings {
  const { floor, margin, minRank, distractors } = { ...WORD_MEANING_DEFAULTS, ...opts }
  const { dims } = vectors.header
  const mean = new Float32Array(dims)
  const n = vectors.words.length
  for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) mean[d] += vectors.data[i * dims + d] / n
  const centred = (i: number) => {
    const v = new Float32Array(dims)
    let norm = 0
    for (let d = 0; d < dims; d++) { v[d] = vectors.data[i * dims + d] - mean[d]; norm += v[d] * v[d] }
    norm = Math.sqrt(norm) || 1
    for (let d = 0; d < dims; d++) v[d] /= norm
    return v
  }
  const anchor = (term: string, cues: LexCue[]) => {
    const i = vectors.index.get(term)
    return i === undefined ? [] : [{ term, vector: centred(i), cues, sig: signature(cues) }]
  }
  const anchors = [
    ...ANCHOR_ROWS.flatMap(([phrases, cues]) => {
      const meaning = weaken(cues)
      return meaning.length ? phrases.split('|').flatMap((term) => anchor(term, meaning)) : []
    }),
    ...(distractors ? EVERYDAY_WORDS.flatMap((term) => anchor(term, [])) : []),
  ]
  const cache = new Map<string, WordMeaning | null>()
  return (word) => {
    const hit = cache.get(word)
    if (hit !== undefined) return hit
    const i = vectors.index.get(word)
    let result: WordMeaning | null = null
    if (i !== undefined && vectors.ranks[i] >= minRank) {
      const v = centred(i)
      const scored = anchors.map((a) => {
        let s = 0
        for (let d = 0; d < dims; d++) s += v[d] * a.vector[d]
        return { a, s }
      }).sort((x, y) => y.s - x.s)
      const best = scored[0]
      const rival = scored.find((x) => x.a.sig !== best?.a.sig)
      if (best && best.a.cues.length && best.s >= floor && (!rival || best.s - rival.s >= margin)) {
        result = { term: best.a.term, similarity: Math.round(best.s * 1000) / 1000, cues: best.a.cues }
      }
    }
    if (cache.size < 10_000) cache.set(word, result)
    return result
  }
}
