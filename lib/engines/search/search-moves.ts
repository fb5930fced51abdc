import { z } from 'zod'
import { AppError } from '@/lib/shared/errors'
import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { dot, type Embedder } from './embedder'
import { lexicalScore } from './lexical-match'
import type { IndexedMove, MoveIndex } from './move-index'
import { composeVector } from './move-vector'
import { attributeAgreement, understandQuery, type UnderstoodQuery } from './understand-query'
import {
  DIFFICULTY_RANK, DifficultySchema, EnergySchema, FamilySchema, HoldSchema, MoodSchema, StyleSchema,
} from '@/lib/engines/dance/vocabulary'

export const MoveFiltersSchema = z.object({
  difficulty: z.array(DifficultySchema).max(3).optional(),
  maxDifficulty: DifficultySchema.optional(),
  energy: z.array(EnergySchema).max(3).optional(),
  styles: z.array(StyleSchema).max(3).optional(),
  moods: z.array(MoodSchema).max(5).optional(),
  includeFamilies: z.array(FamilySchema).max(16).optional(),
  excludeFamilies: z.array(FamilySchema).max(16).optional(),
  /** Moves that start or end in one of these holds (see movesThroughHold). */
  holds: z.array(HoldSchema).max(10).optional(),
  /** Moves that neither start nor end in one of these holds ("no wraps"). */
  excludeHolds: z.array(HoldSchema).max(10).optional(),
  excludeIds: z.array(z.string().max(80)).max(1000).optional(),
}).strict()

export const MoveBoostsSchema = z.object({
  difficulty: DifficultySchema.optional(),
  energy: EnergySchema.optional(),
  styles: z.array(StyleSchema).max(3).optional(),
  moods: z.array(MoodSchema).max(5).optional(),
  families: z.array(FamilySchema).max(16).optional(),
}).strict()

export const MoveSearchSchema = z.object({
  query: z.string().max(500).default(''),
  filters: MoveFiltersSchema.default({}),
  boosts: MoveBoostsSchema.default({}),
  limit: z.number().int().min(1).max(100).default(20),
})
export type MoveSearchInput = z.input<typeof MoveSearchSchema>
export type MoveFilters = z.infer<typeof MoveFiltersSchema>

/** How much each part counts; boosts add BOOST per matched preference. */
export const SEARCH_WEIGHTS: SearchWeights = { semantic: 0.45, attributes: 0.2, lexical: 0.35 }
export interface SearchWeights { semantic: number; attributes: number; lexical: number }
const BOOST = 0.08
/** Above the exact threshold, how many graph neighbours to re-rank per requested result. */
const CANDIDATES_PER_RESULT = 10

export interface ScoreParts { semantic: number; attributes: number; lexical: number; boost: number }
export interface MoveSearchHit { move: MoveAnnotation; score: number; parts: ScoreParts; similarity: number }
export interface MoveSearchResult { hits: MoveSearchHit[]; embedderId: string; exact: boolean; tookMs: number }

/**
 * A hold filter keeps a move when it enters OR exits in the hold: someone browsing "cuddle"
 * wants the moves danced from it and the ones that take them into it (most entries into a
 * cuddle or hammerlock start from closed or open hold, so entry-only would hide exactly the
 * moves that get there). The database listing applies the same rule (list-moves.ts).
 */
export const movesThroughHold = (m: Pick<MoveAnnotation, 'entry' | 'exit'>, holds: readonly string[]) =>
  holds.includes(m.entry.hold) || holds.includes(m.exit.hold)

export function passesFilters(m: MoveAnnotation, f: MoveFilters): boolean {
  if (f.difficulty?.length && !f.difficulty.includes(m.difficulty)) return false
  if (f.maxDifficulty && DIFFICULTY_RANK[m.difficulty] > DIFFICULTY_RANK[f.maxDifficulty]) return false
  if (f.energy?.length && !f.energy.includes(m.energy)) return false
  if (f.styles?.length && !m.styles.some((s) => f.styles!.includes(s))) return false
  if (f.moods?.length && !m.moods.some((s) => f.moods!.includes(s))) return false
  if (f.includeFamilies?.length && !f.includeFamilies.includes(m.family)) return false
  if (f.excludeFamilies?.includes(m.family)) return false
  if (f.holds?.length && !movesThroughHold(m, f.holds)) return false
  if (f.excludeHolds?.length && movesThroughHold(m, f.excludeHolds)) return false
  if (f.excludeIds?.includes(m.id)) return false
  return true
}

/** What rankMoves needs besides the query: how many graph neighbours to re-rank, and
 * other weights (for ablations). */
export interface RankOptions {
  pool: number
  weights?: SearchWeights
}

type Boosts = z.infer<typeof MoveBoostsSchema>

/** The query's text vector (zeros when it has no content words or semantics are off). */
export async function embedQuery(embedder: Embedder, q: UnderstoodQuery, w: SearchWeights = SEARCH_WEIGHTS): Promise<Float32Array> {
  if (!q.terms.length || w.semantic <= 0) return new Float32Array(embedder.dims)
  const [v] = await embedder.embed([q.expandedText])
  return v
}

/**
 * Scores these candidates for the query, best first. Semantic similarity is rescaled over
 * the candidates: embedders differ in their cosine baseline (word-vector averages sit near
 * 0.7, MiniLM near 0.2), ranks within a query are what carry over.
 */
export function scoreCandidates(
  index: MoveIndex,
  q: UnderstoodQuery,
  queryText: Float32Array,
  candidates: IndexedMove[],
  boosts: Boosts = {},
  w: SearchWeights = SEARCH_WEIGHTS,
): MoveSearchHit[] {
  const sims = candidates.map((c) => dot(queryText, c.text))
  // Once per query term, not once per term and candidate.
  const idfs = new Map(q.terms.map((t) => [t, index.idf(t)]))
  const idf = (t: string) => idfs.get(t) ?? 0
  let lo = Infinity, hi = -Infinity
  for (const x of sims) { if (x < lo) lo = x; if (x > hi) hi = x }
  const hits = candidates.map((c, i): MoveSearchHit => {
    const semantic = hi > lo ? (sims[i] - lo) / (hi - lo) : sims[i] > 0 ? 1 : 0
    const attributes = attributeAgreement(q, c) ?? 0
    const lexical = lexicalScore(q.terms, c, idf)
    const m = c.move
    const boost = BOOST * [
      boosts.difficulty === m.difficulty,
      boosts.energy === m.energy,
      !!boosts.styles?.some((s) => m.styles.includes(s)),
      !!boosts.moods?.some((s) => m.moods.includes(s)),
      !!boosts.families?.includes(m.family),
    ].filter(Boolean).length
    const score = w.semantic * semantic + w.attributes * attributes + w.lexical * lexical + boost
    return { move: m, score, parts: { semantic, attributes, lexical, boost }, similarity: sims[i] }
  })
  hits.sort((a, b) => b.score - a.score || (a.move.id < b.move.id ? -1 : 1))
  return hits
}

/**
 * The moves a query is scored against: every move that passes `accept` while the index is
 * exact (small libraries), else the `pool` nearest through the HNSW graph, with `accept`
 * applied during the graph walk (never a scan of the vectors).
 */
export function gatherCandidates(
  index: MoveIndex,
  q: UnderstoodQuery,
  queryText: Float32Array,
  pool: number,
  accept?: (m: MoveAnnotation) => boolean,
): IndexedMove[] {
  if (!index.usesGraph) return accept ? [...index.all()].filter((e) => accept(e.move)) : [...index.all()]
  return index.nearest(composeVector(queryText, q.attributes), pool, accept).map((h) => index.get(h.id)!).filter(Boolean)
}

/** Filters, gathering and scoring for one query: what searchMoves and the benchmarks run. */
export async function rankMoves(
  index: MoveIndex,
  embedder: Embedder,
  input: { query: string; filters: MoveFilters; boosts: Boosts },
  opts: RankOptions,
): Promise<{ hits: MoveSearchHit[]; exact: boolean; hasTerms: boolean }> {
  if (embedder.id !== index.embedderId) throw new Error(`index holds ${index.embedderId} vectors, query embedder is ${embedder.id}`)
  const w = opts.weights ?? SEARCH_WEIGHTS
  const q = understandQuery(input.query)
  const queryText = await embedQuery(embedder, q, w)
  // No filter, no callback: hnswlib calling back into JS per visited node costs ~6x at 100k.
  const filtered = Object.values(input.filters).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0))
  const candidates = gatherCandidates(index, q, queryText, opts.pool, filtered ? (m) => passesFilters(m, input.filters) : undefined)
  return { hits: scoreCandidates(index, q, queryText, candidates, input.boosts, w), exact: !index.usesGraph, hasTerms: q.terms.length > 0 }
}

/**
 * Hybrid move search: semantic similarity of the (lexicon-expanded) query to each move's
 * text, agreement with the attributes the query implies ("easy", "slow", "close"), and
 * lexical match on names and tags; hard filters first, preferences as boosts. Every hit
 * carries its score parts so the UI can say why it was chosen. `weights` is for ablations.
 */
export async function searchMoves(
  index: MoveIndex,
  embedder: Embedder,
  input: MoveSearchInput,
  opts: { weights?: SearchWeights } = {},
): Promise<MoveSearchResult> {
  const started = performance.now()
  const parsed = MoveSearchSchema.safeParse(input)
  if (!parsed.success) {
    throw AppError.validation('Invalid move search', z.flattenError(parsed.error).fieldErrors as Record<string, string[]>)
  }
  const { query, filters, boosts, limit } = parsed.data
  const { hits, exact, hasTerms } = await rankMoves(index, embedder, { query, filters, boosts }, { pool: limit * CANDIDATES_PER_RESULT + 50, weights: opts.weights })
  // A query with words that nothing relates to (no known word, no shared term, no attribute)
  // scores 0 everywhere: that is "no match", not the whole library in id order. A query
  // with no content words at all is a plain filtered listing and keeps everything.
  const relevant = hasTerms ? hits.filter((h) => h.score > 0) : hits
  return { hits: relevant.slice(0, limit), embedderId: index.embedderId, exact, tookMs: performance.now() - started }
}
