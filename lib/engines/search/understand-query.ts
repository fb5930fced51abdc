import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { stem } from '@/lib/engines/dance/tokenize'
import { ATTRIBUTES, ATTRIBUTE_DIMS, type Attribute } from './move-vector'
import { DANCE_LEXICON, buildPhraseIndex, searchWordsOf } from '@/lib/engines/dance/lexicon'
import { textWords } from '@/lib/engines/dance/tokenize'
import { MOODS, STYLES, type Mood, type Style } from '@/lib/engines/dance/vocabulary'

/** Words that say nothing about which move is meant. */
const STOPWORDS = new Set(
  ('a an the and or but for of to in on at with by from into onto as is are be it its this that these those ' +
    'i me my we our you your he him his she her they them their some something anything any few couple ' +
    'please want wants need give show find get do does like would could can let lets just really very more ' +
    'most less bit little kind sort one ones move moves thing things song music dance dancing bachata ' +
    'partner follower leader lead follow while during where when how what which who so too also then there')
    .split(' '),
)

/** Query words that set an attribute (see move-vector.ts for the scale). */
const CUES: Record<string, Partial<Record<Attribute, number>>> = {
  beginner: { difficulty: -1 }, intermediate: { difficulty: 0 }, advanced: { difficulty: 1 },
  energetic: { energy: 1 }, fast: { tempo: 1, energy: 1 }, slow: { tempo: -1, energy: -1 }, calm: { energy: -1 },
  smooth: { energy: -0.5 }, peak: { energy: 1 }, mambo: { energy: 1 },
  short: { length: -1 }, long: { length: 1 }, combination: { length: 1 }, combo: { length: 1 },
  embrace: { closeness: 1 }, sensual: { closeness: 1 }, open: { closeness: -1 }, apart: { closeness: -1 },
  distance: { closeness: -1 }, space: { closeness: -1 },
}

export interface UnderstoodQuery {
  raw: string
  /** Query tokens with the dance lexicon applied: what the embedders see. */
  expandedText: string
  /** Content words (no stopwords), light-stemmed: what lexical matching uses. */
  terms: string[]
  /** One value per attribute; NaN where the query says nothing. */
  attributes: Float32Array
  /** Styles and moods named in the query ("sensual", "romantic"): soft preferences. */
  styles: Style[]
  moods: Mood[]
}

export const isContentWord = (word: string) => !STOPWORDS.has(word)

/**
 * How dancers say things versus how the library is annotated: general word vectors barely
 * relate "twirl" to "turn" (cosine 0.05) or "vueltas" to anything, so each phrase of the one
 * dance lexicon found in a query is followed by the library's words for what it means.
 * Queries only (documents are embedded as written), so editing the lexicon never requires
 * re-embedding the library.
 */
const QUERY_INDEX = buildPhraseIndex(
  DANCE_LEXICON.flatMap(([phrases, meanings]) => {
    const words = searchWordsOf(meanings)
    return phrases.split('|').map((p) => [p, words] as const)
  }),
)

/** Words with the lexicon applied, longest phrase first ("body roll" before "roll"). */
export function expandWithLexicon(words: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; ) {
    const hit = QUERY_INDEX.matchAt(words, i)
    if (!hit) { out.push(words[i++]); continue }
    const phrase = words.slice(i, i + hit.length)
    // A phrase that is already the library's word ("romantic") is not repeated: doubling
    // it would double its weight in the embedding.
    const adds = hit.value.some((w) => !phrase.includes(w))
    out.push(...phrase, ...(adds ? hit.value : []))
    i += hit.length
  }
  return out
}

export function understandQuery(query: string): UnderstoodQuery {
  const tokens = expandWithLexicon(textWords(query))
  const attributes = new Float32Array(ATTRIBUTE_DIMS).fill(NaN)
  for (const t of tokens) {
    for (const [attr, value] of Object.entries(CUES[t] ?? {})) attributes[ATTRIBUTES.indexOf(attr as Attribute)] = value!
  }
  const terms = [...new Set(tokens.filter((t) => !STOPWORDS.has(t)).map(stem))]
  const styles = STYLES.filter((s) => tokens.includes(s))
  const moods = MOODS.filter((m) => tokens.includes(m))
  return { raw: query, expandedText: tokens.join(' '), terms, attributes, styles, moods }
}

/**
 * 1 = the move matches everything the query implied (numeric attributes, named styles and
 * moods), 0 = the opposite on all of them; null = the query implied nothing.
 */
export function attributeAgreement(
  q: Pick<UnderstoodQuery, 'attributes' | 'styles' | 'moods'>,
  move: { attributes: Float32Array; move: Pick<MoveAnnotation, 'styles' | 'moods'> },
): number | null {
  let sum = 0, n = 0
  for (let i = 0; i < ATTRIBUTE_DIMS; i++) {
    if (Number.isNaN(q.attributes[i])) continue
    sum += 1 - Math.abs(q.attributes[i] - move.attributes[i]) / 2
    n++
  }
  if (q.styles.length) { sum += q.styles.some((s) => move.move.styles.includes(s)) ? 1 : 0; n++ }
  if (q.moods.length) { sum += q.moods.some((m) => move.move.moods.includes(m)) ? 1 : 0; n++ }
  return n ? sum / n : null
}
