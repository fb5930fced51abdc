import { DANCE_LEXICON, LEXICON_MAX_PHRASE } from './dance-lexicon'

/**
 * Lowercase word tokens: letters (including accented ones, folded to ASCII so "güira" and
 * "guira" meet), digits and inner apostrophes. Everything else separates words; bounded so a
 * hostile 1 MB query costs no more than a normal one.
 */
export function tokenizeText(text: string, maxTokens = 256): string[] {
  const folded = text.slice(0, 4000).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  const words = folded.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
  return words.slice(0, maxTokens)
}

/**
 * Tokens with the dance lexicon applied: each word or phrase found in the lexicon is kept
 * and followed by its canonical words, longest phrase first ("body roll" before "roll").
 */
export function expandWithLexicon(tokens: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < tokens.length; ) {
    let matched = 0
    for (let len = Math.min(LEXICON_MAX_PHRASE, tokens.length - i); len >= 1; len--) {
      const phrase = tokens.slice(i, i + len).join(' ')
      const canon = DANCE_LEXICON[phrase]
      if (canon) {
        out.push(...tokens.slice(i, i + len), ...canon)
        matched = len
        break
      }
    }
    if (matched) i += matched
    else out.push(tokens[i++])
  }
  return out
}
