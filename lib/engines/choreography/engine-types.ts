import type { DanceState, Family } from '@/lib/engines/dance/vocabulary'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import type { LibraryMove } from './library-move'
import type { HoldSpan, Slot } from './build-slots'
import type { CountIn } from './blueprint-schema'
import type { RetrievalScore } from './request-fit'

/** A library move prepared for the search: everything position-independent precomputed. */
export interface EngineMove {
  idx: number
  move: LibraryMove
  /** Length in 8-count slots. */
  n: number
  entryKey: number
  exitKey: number
  /** Energy as 0 / 0.5 / 1 and difficulty as rank 0–2. */
  energy: number
  diff: number
  family: Family
  familyIdx: number
  isIntro: boolean
  isOutro: boolean
  isPose: boolean
  /** An 8-count basic that changes the hold: placed to bridge holds, not for its own sake. */
  isConnector: boolean
  /** Request fit that does not depend on where the move lands (style, mood, query). */
  styleFit: number
  moodFit: number
  /** Fit to the request's text and implied attributes, from the move search (0 without it). */
  queryFit: number
  /** The search's score parts for this move, kept for the explanation; null without retrieval. */
  retrieval: RetrievalScore | null
  includedFamily: boolean
  namedInRequest: boolean
  emphasis: { direction: 'more' | 'fewer'; count: number | null } | null
  /** Deterministic per-seed taste for this move, 0–1. */
  taste: number
}

/** Per-slot musical plan: what the music asks for at each 8-count. */
export interface MusicPlan {
  energyTarget: Float64Array
  difficultyTarget: Float64Array
  /** True where a section starts (a move should not straddle it). */
  sectionStart: Uint8Array
  /** For slots in a repeated section: the matching slot of the earlier section, else -1. */
  repeatSlot: Int32Array
  /** 1 = repeat the same move there, 0 = vary it (same family, another move). */
  repeatSame: Uint8Array
}

export interface EngineContext {
  slots: Slot[]
  slotCount: number
  /** The song's beats before the first slot, called 5–8; null without a count-in. */
  countIn: CountIn | null
  /** Holds between the slots of the span (never before the first or after the last). */
  holds: HoldSpan[]
  moves: EngineMove[]
  states: DanceState[]
  /** Connector moves by state edge `from * S + to` (state-changing 8-count basics). */
  edgeConnectors: Map<number, EngineMove[]>
  /** Shortest connector path: nextHop[from * S + to] = next state, or -1. */
  nextHop: Int32Array
  hopCount: Int32Array
  plan: MusicPlan
  params: ChoreographyParams
  maxDifficulty: number
  seed: number
  /** The text the library was searched with ('' without retrieval), for explanations. */
  retrievalQuery: string
  /** Strict: moves outside ±12 % tempo are not candidates at all. */
  strictTempo: boolean
  poseAvailable: boolean
  introAvailable: boolean
  outroAvailable: boolean
}

/** What the scorer needs to know about the choreography so far. */
export interface HistoryView {
  usage(idx: number): number
  familyUsage(familyIdx: number): number
  prevIdx: number
  prevFamilyIdx: number
  /** Move index starting at slot k, -1 if none. */
  startedAt(k: number): number
}

export interface Placement {
  m: EngineMove
  slot: number
}

export const TEMPO_TOLERANCE = 0.12

export function stateKey(s: DanceState): string {
  return `${s.hold}|${s.leadWeight}|${s.facing}`
}
