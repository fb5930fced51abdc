import type { Difficulty, Energy, Family, Mood, Style } from '@/lib/engines/dance/vocabulary'

export type Tempo = 'slow' | 'medium' | 'fast'

/**
 * How sure a cue is about a slot: an explicit word for it ("energetic" for energy) is 2,
 * an implication ("slow" suggests low energy, "short" suggests about a minute) is 1.
 * Intensifiers add one ("very"), softeners take one away ("a bit").
 */
export type Strength = 1 | 2

/** What one word or phrase of the lexicon means. A phrase may carry several cues. */
export type LexCue =
  | { type: 'difficulty'; value: Difficulty; strength: Strength }
  | { type: 'energy'; value: Energy; strength: Strength }
  | { type: 'style'; value: Style; strength: Strength }
  | { type: 'tempo'; value: Tempo; strength: Strength }
  | { type: 'mood'; value: Mood }
  /** A move family; `name` when the user named one move ("the Madrid"). */
  | { type: 'family'; family: Family; name?: string }
  /** "close", "close embrace": only meaningful when negated ("nothing too close"). */
  | { type: 'closeHold' }
  /** "keep it open", "open position": prefer open holds. */
  | { type: 'openOnly' }
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
