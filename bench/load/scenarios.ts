/** The searches `GET /api/moves?q=` is driven with: varied, so no one answer is hot. */
export const MOVE_QUERIES = [
  'cross body lead', 'basic step', 'turn', 'dip', 'sensual body wave', 'footwork', 'hammerlock',
  'beginner easy', 'madrid', 'shadow position', 'spin for the follow', 'romantic slow', 'energetic',
  'close embrace', 'open hold', 'traditional', 'moderna', 'side basic', 'hip roll', 'advanced combo',
]

export const CHOREOGRAPHY_REQUESTS = [
  'romantic beginner routine with a few easy turns, no dips, two minutes',
  'sensual intermediate, lots of body waves, the whole song',
  'energetic advanced traditional footwork for 90 seconds',
  'moderna turns with a Madrid, no hammerlock, fewer spins',
]

export const TARGETS = {
  statusMaxReqPerSec: 1500,
  statusP99AtRateMs: 50,
  movesMaxReqPerSec: 400,
  createReqPerSec: 20,
  healthP99DuringAnalysisMs: 50,
  fixedRate: 300,
}

/** Cycles through a list, one item per call. */
export function cycle<T>(items: readonly T[]): () => T {
  let i = 0
  return () => items[i++ % items.length]
}
