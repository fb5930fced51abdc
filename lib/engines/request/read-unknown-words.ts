import type { LexCue } from './lexicon-types'
import { lexiconCuesOf, type Term } from './match-lexicon-terms'
import { spanishWordForms } from './spanish-word-forms'
import type { WordMeanings } from './word-meanings'

/** Only dance meanings carry over to another form of a word, never grammar ("nadas" is no negation). */
const DANCE_CUES = new Set<LexCue['type']>(['family', 'difficulty', 'energy', 'style', 'tempo', 'mood', 'hold', 'closeHold'])

function otherForm(word: string): readonly LexCue[] | null {
  for (const form of spanishWordForms(word)) {
    const cues = lexiconCuesOf(form)
    if (cues?.length && cues.every((c) => DANCE_CUES.has(c.type))) return cues
  }
  return null
}

/**
 * Gives a meaning to words the lexicon does not list: first another form of a lexicon word
 * (Spanish plural, gender, diminutive: "tranquilitos" → "tranquilo"), then, when word
 * vectors are injected, the nearest vocabulary term (word-meanings.ts). Either reading is
 * "implied": weak, and the word stays in the free-text query. Words neither finds stay unknown.
 */
export function readUnknownWords(terms: Term[], meanings?: WordMeanings | null): Term[] {
  return terms.map((t) => {
    if (t.kind !== 'unknown') return t
    const cues = otherForm(t.text) ?? meanings?.(t.text)?.cues
    return cues ? { ...t, kind: 'implied', cues } : t
  })
}
