import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { searchWordsOf } from '@/lib/engines/dance/lexicon'
import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { FAMILIES, type Family } from '@/lib/engines/dance/vocabulary'
import type { Embedder } from './embedder'
import type { IndexedMove, MoveIndex } from './move-index'
import {
  embedQuery, gatherCandidates, passesFilters, scoreCandidates, SEARCH_WEIGHTS, type MoveFilters, type SearchWeights,
} from './search-moves'
import { understandQuery } from './understand-query'

/** One move's retrieval score and its parts (each 0–1; score is their weighted sum). */
export interface RetrievalScore { score: number; semantic: number; attributes: number; lexical: number }

/** What a choreography's request retrieved: the moves the engine may use, with their scores. */
export interface RequestRetrieval {
  /** The text the library was searched with (for explaining a hit). */
  query: string
  embedderId: string
  /** True when every allowed move was scored (the index is below its graph threshold). */
  exact: boolean
  /** Candidate ids, best first; the engine works from these alone. */
  candidates: string[]
  scores: Record<string, RetrievalScore>
  tookMs: number
}

/**
 * How many moves the engine gets from a large library, and why:
 * - the request's best POOL: what the request-fit term chooses among;
 * - PER_FAMILY of each family: intros, outros and poses for the song's structure, every
 *   family the request includes or the music plan leans on, so no family goes missing
 *   because its moves rank low for this text;
 * - BASICS 8-count basics: the connectors that bridge holds (the beam search needs a basic
 *   into and out of every hold it visits, so these are many, not the best few);
 * - OFF_TEMPO best of any tempo: the engine's last resort when no clip is near the song's.
 * All but the last are taken within TEMPO_WINDOW of the song tempo, where clips are usable.
 * Total ≤ ~600 moves: the beam search stays well inside its time budget.
 */
export const RETRIEVAL_BUDGET = { POOL: 240, PER_FAMILY: 12, BASICS: 120, OFF_TEMPO: 48, PER_NAME: 5 }
/** Wider than the engine's ±12 % because the song tempo drifts from phrase to phrase. */
const TEMPO_WINDOW = 0.15

const ENERGY_WORDS = { low: 'calm', medium: '', high: 'energetic' } as const

/**
 * The request as search text: the parser's free-text remainder plus what it understood,
 * in the library's words (names asked for, included and emphasised families, style, moods,
 * level, energy, tempo). Built from the parsed params, not the raw sentence, so a refused
 * thing ("no hammerlock", "nothing flashy") never pulls the moves it refuses.
 */
export function requestSearchText(p: ChoreographyParams): string {
  const families = new Set<Family>([...p.includeFamilies, ...p.emphasis.filter((e) => e.direction === 'more').map((e) => e.family)])
  for (const f of p.excludeFamilies) families.delete(f)
  return [
    p.query,
    ...p.includeMoves,
    ...[...families].flatMap((f) => searchWordsOf([{ type: 'family', family: f }])),
    p.style ?? '',
    ...p.moods,
    p.difficulty ?? '',
    p.energy ? ENERGY_WORDS[p.energy] : '',
    p.tempo && p.tempo !== 'medium' ? p.tempo : '',
  ].map((t) => t.trim()).filter(Boolean).join(' ')
}

/** The request's hard constraints as search filters (the engine applies them again). */
export function requestFilters(p: ChoreographyParams): MoveFilters {
  return {
    ...(p.excludeFamilies.length ? { excludeFamilies: p.excludeFamilies } : {}),
    ...(p.excludeHolds.length ? { excludeHolds: p.excludeHolds } : {}),
    ...(p.difficulty ? { maxDifficulty: p.difficulty } : {}),
  }
}

/**
 * Runs a choreography request through the hybrid search once: below the index's graph
 * threshold every allowed move is scored; above it the candidates come from filtered
 * HNSW walks (see RETRIEVAL_BUDGET) and are scored together, so scores compare across them.
 */
export async function retrieveForRequest(
  index: MoveIndex,
  embedder: Embedder,
  params: ChoreographyParams,
  opts: { songBpm?: number; weights?: SearchWeights } = {},
): Promise<RequestRetrieval> {
  const started = performance.now()
  if (embedder.id !== index.embedderId) throw new Error(`index holds ${index.embedderId} vectors, query embedder is ${embedder.id}`)
  const w = opts.weights ?? SEARCH_WEIGHTS
  const query = requestSearchText(params)
  const q = understandQuery(query)
  const queryText = await embedQuery(embedder, q, w)
  const filters = requestFilters(params)
  const allowed = (m: MoveAnnotation) => passesFilters(m, filters)
  const bpm = opts.songBpm
  const inTempo = (m: MoveAnnotation) => bpm === undefined || Math.abs(m.nativeBpm / bpm - 1) <= TEMPO_WINDOW

  let candidates: IndexedMove[]
  if (!index.usesGraph) {
    candidates = gatherCandidates(index, q, queryText, 0, allowed)
  } else {
    const B = RETRIEVAL_BUDGET
    const byId = new Map<string, IndexedMove>()
    const take = (pool: number, accept: (m: MoveAnnotation) => boolean, qq = q, vec = queryText) => {
      for (const c of gatherCandidates(index, qq, vec, pool, accept)) byId.set(c.move.id, c)
    }
    take(B.POOL, (m) => allowed(m) && inTempo(m))
    const excluded = new Set(params.excludeFamilies)
    for (const f of FAMILIES) if (!excluded.has(f)) take(B.PER_FAMILY, (m) => m.family === f && allowed(m) && inTempo(m))
    take(B.BASICS, (m) => m.family === 'basic' && m.counts === 8 && allowed(m) && inTempo(m))
    take(B.OFF_TEMPO, allowed)
    // A move asked for by name is a hard constraint: its own name finds it.
    for (const name of params.includeMoves) {
      const nq = understandQuery(name)
      take(B.PER_NAME, allowed, nq, await embedQuery(embedder, nq, w))
    }
    candidates = [...byId.values()]
  }
  const hits = scoreCandidates(index, q, queryText, candidates, {}, w)
  const scores: Record<string, RetrievalScore> = {}
  for (const h of hits) scores[h.move.id] = { score: h.score, semantic: h.parts.semantic, attributes: h.parts.attributes, lexical: h.parts.lexical }
  return {
    query, embedderId: index.embedderId, exact: !index.usesGraph, candidates: hits.map((h) => h.move.id), scores,
    tookMs: performance.now() - started,
  }
}
