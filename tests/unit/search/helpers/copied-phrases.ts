import { DANCE_LEXICON, phrasesOf } from '@/lib/engines/dance/lexicon'
import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { stem, textWords } from '@/lib/engines/dance/tokenize'
import { DIFFICULTIES, ENERGIES, FAMILIES, HOLDS, MOODS, STYLES } from '@/lib/engines/dance/vocabulary'

/**
 * Is a query in a dancer's own words, or copied from the catalog or the lexicon? Three
 * checks, all on normalised words (the one tokeniser: lower case, accents and hyphens gone):
 *  1. it equals no move name, variant, tag, description, lexicon phrase or vocabulary value;
 *  2. it contains no move name (one word like "Madrid" included), no tag, lexicon phrase or
 *     vocabulary value of two or more words ("body wave", "close embrace"), and no run of
 *     three words from any description;
 *  3. at most half of its content words are vocabulary words (a stem found among the
 *     one-word lexicon phrases, one-word tags, name words and vocabulary values), so a
 *     query cannot be a re-shuffle of the words search was built on ("easy turn").
 * Single vocabulary words are allowed in a minority: dancers do say "spin" or "arm".
 */
const STOP = new Set(
  ('a an the and or but for of to in on at with by from into as is are be it its this that i me my we our us you ' +
    'your he him his she her they them their some something so just very really can do does want need like how what ' +
    'when while where who up out off over under then than one other each little bit lot get gets make let lets dance dancing ' +
    'move moves thing things song music bachata partner im were ive').split(' '),
)

const words = (s: string) => textWords(s.replace(/-/g, ' '), 1000)
const key = (w: string[]) => w.join(' ')

export interface CopyCheck {
  /** Why the query counts as copied; empty when it is in its own words. */
  reasons(query: string): string[]
}

export function copyCheck(catalog: MoveAnnotation[]): CopyCheck {
  const vocabValues = [...FAMILIES, ...HOLDS, ...STYLES, ...MOODS, ...DIFFICULTIES, ...ENERGIES].map((v) => words(v))
  const lexicon = phrasesOf(DANCE_LEXICON).map(words)
  const names = catalog.flatMap((m) => [words(m.name), words(m.id), ...(m.variant ? [words(m.variant)] : [])])
  const tags = catalog.flatMap((m) => m.tags.map(words))
  const descriptions = catalog.map((m) => words(m.description))

  const whole = new Set([...vocabValues, ...lexicon, ...names, ...tags, ...descriptions].map(key))
  const contained: [string, string[][]][] = [
    ['move name', names],
    ['tag', tags.filter((t) => t.length >= 2)],
    ['lexicon phrase', lexicon.filter((p) => p.length >= 2)],
    ['vocabulary value', vocabValues.filter((v) => v.length >= 2)],
    ['description words', descriptions.flatMap((d) => d.slice(0, -2).map((_, i) => d.slice(i, i + 3)))],
  ]
  const vocabStems = new Set(
    [...lexicon.filter((p) => p.length === 1), ...tags.filter((t) => t.length === 1), ...vocabValues.filter((v) => v.length === 1)]
      .flat().concat(names.flat()).filter((w) => !STOP.has(w)).map(stem),
  )

  return {
    reasons(query) {
      const q = words(query)
      const text = ` ${key(q)} `
      const out: string[] = []
      if (whole.has(key(q))) out.push('equals a catalog or lexicon phrase')
      for (const [what, phrases] of contained) {
        const hit = phrases.find((p) => p.length > 0 && text.includes(` ${key(p)} `))
        if (hit) out.push(`contains the ${what} "${key(hit)}"`)
      }
      const content = q.filter((w) => !STOP.has(w))
      const vocab = content.filter((w) => vocabStems.has(stem(w)))
      if (content.length === 0 || vocab.length * 2 > content.length) {
        out.push(`mostly vocabulary words (${vocab.join(', ') || 'no content words'} of ${content.length})`)
      }
      return out
    },
  }
}
