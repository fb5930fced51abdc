import type { DanceMeaning, Strength } from '@/lib/engines/dance/lexicon'

export type { Strength, Tempo } from '@/lib/engines/dance/lexicon'

/**
 * What one word or phrase means to the parser: the dance meanings of the shared lexicon
 * (lib/engines/dance/lexicon.ts, minus its search-only `also` words) plus the grammar the
 * parser alone needs (numbers, durations, negation, quantities). Intensifiers add one to a
 * cue's strength ("very"), softeners take one away ("a bit").
 */
export type LexCue =
  | Exclude<DanceMeaning, { type: 'also' }>
  /** A whole duration phrase: "the whole song" (null), "short" (60), "half a minute" (30). */
  | { type: 'duration'; seconds: number | null; strength: Strength }
  | { type: 'unit'; seconds: 1 | 60 }
  | { type: 'number'; value: number }
  /** "and a half", "y medio": adds half of the unit that precedes or follows it. */
  | { type: 'half' }
  | { type: 'negator' }
  | { type: 'quantity'; direction: 'more' | 'fewer'; count: number | null }
  /** "only", "just", "at most": the following count is a ceiling, not a target. */
  | { type: 'cap' }
  | { type: 'intensity'; delta: 1 | -1 }
  /** "but", "actually", "pero": closes any open negation or quantity. */
  | { type: 'break' }
  /** "or", "and", "ni": lets a negation run on through a list ("no dips or spins"). */
  | { type: 'connector' }
  /** Adjectives that may sit between a quantity or negation and its family ("a few quick spins"). */
  | { type: 'modifier' }
  /** Carries no meaning of its own and never reaches the free-text query. */
  | { type: 'filler' }

/** One row of the lexicon: phrases separated by "|" (normalised, space separated). */
export type LexRow = readonly [phrases: string, cues: readonly LexCue[]]
