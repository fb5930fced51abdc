/** The independent judge of choreography blueprints (imports nothing of the engine it judges). */
export { judgeBlueprint, QUALITY_WEIGHTS, type Judgement, type QualityPart } from './judge-blueprint'
export type { JudgeInput, JudgedAnnotation } from './judge-types'
export { RATE_TOLERANCE, SYNC_TOLERANCE } from './score-tempo'
