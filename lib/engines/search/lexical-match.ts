import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { stem, textWords } from '@/lib/engines/dance/tokenize'
import { isContentWord } from './understand-query'

type LexicalSource = Pick<MoveAnnotation, 'name' | 'variant' | 'family' | 'tags' | 'styles' | 'moods' | 'difficulty' | 'entry' | 'exit'>

/**
 * The words a move can be asked for by (stemmed): its name, variant, family and tags, and
 * its vocabulary labels (styles, moods, difficulty, holds), so "advanced sensual" or
 * "shadow" match the annotation itself. The description is left out: its incidental words
 * ("steps", "side") matched too much when tried.
 */
export function lexicalTerms(m: LexicalSource): Set<string> {
  const labels = [...m.styles, ...m.moods, m.difficulty, m.entry.hold, m.exit.hold]
  const text = [m.name, m.variant, m.family, ...m.tags, ...labels].join(' ').replace(/-/g, ' ')
  return new Set(textWords(text).map(stem))
}

/** Stemmed content words of the name, for "the query names this move" detection. */
export function nameTerms(name: string): string[] {
  return textWords(name).filter(isContentWord).map(stem)
}

/**
 * Share of the query's informative terms found in the move's name/tags, weighted by inverse
 * document frequency (a rare word like "madrid" counts more than "basic"). Terms no move uses
 * are ignored, so an unknown word neither helps nor hurts. A query that contains the move's
 * whole name scores 1.
 */
export function lexicalScore(
  queryTerms: string[],
  move: { terms: Set<string>; name: string[] },
  idf: (term: string) => number,
): number {
  if (move.name.length > 0 && containsSequence(queryTerms, move.name)) return 1
  let hit = 0, total = 0
  for (const t of queryTerms) {
    const w = idf(t)
    if (w <= 0) continue
    total += w
    if (move.terms.has(t)) hit += w
  }
  return total > 0 ? hit / total : 0
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}
