import type { Family, Hold, Mood } from '@/lib/engines/dance/vocabulary'

/**
 * What the offline parser read, in order, before contradictions are resolved. Each signal
 * keeps the words it came from so a warning can quote them.
 */
export type ScalarSlot = 'difficulty' | 'energy' | 'style' | 'tempo'

export type Signal =
  | { kind: 'scalar'; slot: ScalarSlot; value: string; strength: number; negated: boolean; source: string }
  | { kind: 'duration'; seconds: number | null; strength: number; source: string }
  | { kind: 'mood'; value: Mood; negated: boolean; source: string }
  | {
      kind: 'family'
      family: Family
      /** neutral: mentioned only to ask for fewer ("fewer dips"), neither included nor excluded. */
      polarity: 'include' | 'exclude' | 'neutral'
      name?: string
      emphasis?: { direction: 'more' | 'fewer'; count: number | null }
      source: string
    }
  /** "no wraps": a hold the user refuses (it is no family: several families dance in it). */
  | { kind: 'hold'; hold: Hold; source: string }

export interface ReadRequest {
  signals: Signal[]
  /** Words the lexicon did not know, in order: the free-text query for semantic search. */
  leftovers: string[]
  warnings: string[]
}

/**
 * Families danced in close embrace, excluded by "nothing too close" / "keep it open": the
 * follower can always be kept at arm's length in every other family (hip rolls included).
 */
export const CLOSE_HOLD_FAMILIES: readonly Family[] = ['bolero', 'body-wave', 'head-roll', 'dip']
