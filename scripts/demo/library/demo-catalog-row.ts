import type { DanceState, Difficulty, Energy, Family, Mood, Style } from '@/lib/engines/dance/vocabulary'

/**
 * The compact row format the demo catalog is written in. Each row becomes a full
 * MoveAnnotation in demo-catalog.ts: id from the name, tempo and first-count offset derived
 * deterministically, counts from difficulty unless the row says otherwise.
 */
export type StateKey =
  | 'closed' | 'closedL' | 'openClosed' | 'open' | 'oneHand' | 'cross'
  | 'shadow' | 'hammer' | 'cuddle' | 'sbs' | 'tandem'

/** The dance states the demo library uses; leadWeight 'right' = left foot free for count 1. */
export const DEMO_STATES: Record<StateKey, DanceState> = {
  closed: { hold: 'closed', leadWeight: 'right', facing: 'face-to-face' },
  closedL: { hold: 'closed', leadWeight: 'left', facing: 'face-to-face' },
  openClosed: { hold: 'open-closed', leadWeight: 'right', facing: 'face-to-face' },
  open: { hold: 'two-hand-open', leadWeight: 'right', facing: 'face-to-face' },
  oneHand: { hold: 'one-hand-open', leadWeight: 'right', facing: 'face-to-face' },
  cross: { hold: 'cross-hand', leadWeight: 'right', facing: 'face-to-face' },
  shadow: { hold: 'shadow', leadWeight: 'right', facing: 'same-direction' },
  hammer: { hold: 'hammerlock', leadWeight: 'right', facing: 'face-to-face' },
  cuddle: { hold: 'cuddle', leadWeight: 'right', facing: 'side-by-side' },
  sbs: { hold: 'side-by-side', leadWeight: 'right', facing: 'side-by-side' },
  tandem: { hold: 'tandem', leadWeight: 'right', facing: 'same-direction' },
}

export interface CatalogRow {
  name: string
  variant?: string
  d: Difficulty
  e: Energy
  s: Style[]
  m: Mood[]
  from: StateKey
  /** Defaults to `from`. */
  to?: StateKey
  tags: string[]
  desc: string
  lead?: string
  follow?: string
  counts?: 8 | 16 | 32
  /** Explicit native tempo; connectors pin theirs so every state is reachable at any song tempo. */
  bpm?: number
}

export type FamilyRows = { family: Family; lead: string; follow: string; rows: CatalogRow[] }

export type { Mood }
