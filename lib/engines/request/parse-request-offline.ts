import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { interpretTerms } from './interpret-terms'
import { matchLexiconTerms } from './match-lexicon-terms'
import { resolveSignals } from './resolve-signals'
import { normalizeText, tokenize } from '@/lib/engines/dance/tokenize'
import { assertRequestText } from './assert-request-text'
import { applySpanPhrases, readSpanPhrases } from './read-span-phrases'
import { readUnknownWords } from './read-unknown-words'
import type { WordMeanings } from './word-meanings'

export interface OfflineParseOptions {
  /** Maps a word the lexicon lacks to the nearest vocabulary term (built from word vectors by the caller). */
  wordMeanings?: WordMeanings | null
}

/**
 * The offline request parser: pure, deterministic and fast (a few map look-ups per word).
 * Pipeline: bound the input → normalise and tokenise → match lexicon phrases (longest
 * first) → read them left to right (negation, quantities, durations) → resolve conflicts
 * (strongest cue, then the last one, with a warning) → validated params. Words the lexicon
 * lacks are read through other Spanish forms and, when given, the word-vector look-up.
 * Throws AppError 422 for input that is not a string or is over 500 characters.
 */
export function parseRequestOffline(text: string, opts: OfflineParseOptions = {}): ChoreographyParams {
  const clean = assertRequestText(text)
  // Span and count-in phrases first ("just the chorus"): their words are not dance terms.
  const spanRead = readSpanPhrases(normalizeText(clean))
  const tokens = tokenize(spanRead.rest)
  const terms = readUnknownWords(matchLexiconTerms(tokens), opts.wordMeanings)
  const read = interpretTerms(terms, tokens.map((t) => t.text))
  return applySpanPhrases(resolveSignals(read), spanRead)
}
