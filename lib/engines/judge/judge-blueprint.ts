import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import { movesOf } from '@/lib/engines/choreography/blueprint-schema'
import { mean } from '@/lib/shared/numbers'
import { readSongGrid } from './read-song-grid'
import { scoreTiming, type TimingScore } from './score-timing'
import { scoreTempo, type TempoScore } from './score-tempo'
import { scoreTransitions, type TransitionScore } from './score-transitions'
import { scoreVariety, type VarietyScore } from './score-variety'
import { scoreEnergy, type EnergyScore } from './score-energy'
import { scoreDifficulty, scoreRequest, type DifficultyScore, type RequestScore } from './score-request'
import { scoreStructure, type StructureScore } from './score-structure'
import type { JudgeContext, JudgeInput, JudgedAnnotation } from './judge-types'

/**
 * The overall score is danceable share × quality.
 *
 * Danceable share: the share of moves with no fault, where a fault is what makes a move
 * impossible to dance as shown: it starts off the count one (on 2, or on the "and": the most
 * visible mistake there is, shared/BACHATA.md), it does not fill whole 8-counts, its clip is
 * not played at the song's tempo from its own count one, it cannot be entered from the state
 * the previous move left, or the user ruled it out (an excluded family or hold, a level above
 * theirs). Faults multiply rather than average: a dance that is off the count is not "half
 * good" for having varied moves, it cannot be danced.
 *
 * Quality (weights sum to 1), for what can be danced:
 * - tempo 0.20: clips that need no more than ±12 % retiming look like dancing, not like video tricks;
 * - request 0.20: the families and moves asked for, the style, mood, energy and length;
 * - difficulty 0.15: moves at the level asked for (an advanced routine of basics is no fit);
 * - energy 0.15: the dance rises into the mambo and settles in the outro;
 * - structure 0.10: sections start new figures, breaks get a pose, the song's end an ending;
 * - repeats 0.10 and variety 0.10: the same move twice in a row, and how many distinct moves.
 * A part that does not apply (no level asked) drops out and the rest are re-weighted.
 */
export const QUALITY_WEIGHTS = {
  tempo: 0.2,
  request: 0.2,
  difficulty: 0.15,
  energy: 0.15,
  structure: 0.1,
  repeats: 0.1,
  variety: 0.1,
} as const

export type QualityPart = keyof typeof QUALITY_WEIGHTS

export interface Judgement {
  moves: number
  holds: number
  timing: TimingScore
  tempo: TempoScore
  transitions: TransitionScore
  variety: VarietyScore
  energy: EnergyScore
  difficulty: DifficultyScore | null
  request: RequestScore
  structure: StructureScore
  /** Share of moves the user is allowed (not excluded, not above their level). */
  allowed: number
  /** Share of moves with no fault (on the one, whole 8-counts, in sync, legal, allowed). */
  danceable: number
  /** Each quality part's 0–1 score (null = does not apply). */
  quality: Record<QualityPart, number | null>
  qualityScore: number
  /** 0–1: danceable × qualityScore. */
  overall: number
}

/**
 * The independent judge of a blueprint: re-derives the grid, the counts, the tempo ratios and
 * the transitions from the song analysis, the library annotations and the blueprint alone.
 * It shares no code with the engine that builds blueprints (an ESLint zone forbids the import),
 * so nothing it reports is true by construction.
 */
export function judgeBlueprint(input: JudgeInput): Judgement {
  const { blueprint, analysis } = input
  const byId = new Map<string, JudgedAnnotation>(input.library.map((a) => [a.id, a]))
  const moves = movesOf(blueprint)
  const ctx: JudgeContext = {
    blueprint,
    analysis,
    grid: readSongGrid(analysis),
    moves,
    annotations: moves.map((m) => byId.get(m.moveId)),
    request: ChoreographyParamsSchema.parse(input.request ?? blueprint.params),
  }
  const timing = scoreTiming(ctx)
  const tempo = scoreTempo(ctx)
  const transitions = scoreTransitions(ctx)
  const variety = scoreVariety(ctx)
  const energy = scoreEnergy(ctx)
  const difficulty = scoreDifficulty(ctx)
  const request = scoreRequest(ctx)
  const structure = scoreStructure(ctx)
  const danceable = mean(moves.map((_, i) => Number(
    timing.perMove.onCountOne[i] && timing.perMove.whole[i] && tempo.perMoveInSync[i] &&
    transitions.perMoveLegal[i] && request.perMoveAllowed[i],
  )))
  const quality: Record<QualityPart, number | null> = {
    tempo: tempo.score,
    request: request.score,
    difficulty: difficulty?.score ?? null,
    energy: energy.score,
    structure: structure.score,
    repeats: variety.repeatScore,
    variety: variety.score,
  }
  let sum = 0
  let weight = 0
  for (const [k, w] of Object.entries(QUALITY_WEIGHTS) as [QualityPart, number][]) {
    const v = quality[k]
    if (v === null) continue
    sum += w * v
    weight += w
  }
  const qualityScore = sum / weight
  const round = (x: number) => Math.round(x * 1000) / 1000
  return {
    moves: moves.length,
    holds: blueprint.moves.length - moves.length,
    timing, tempo, transitions, variety, energy, difficulty, request, structure,
    allowed: mean(request.perMoveAllowed.map(Number)),
    danceable,
    quality,
    qualityScore: round(qualityScore),
    overall: round(danceable * qualityScore),
  }
}
