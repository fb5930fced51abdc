import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { searchWordsOf } from '@/lib/engines/dance/lexicon'
import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { FAMILIES, type Family } from '@/lib/engines/dance/vocabulary'
import { dot, type Embedder } from './embedder'
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
 * - POOL: the request's best, through the HNSW index (what the request-fit term chooses among);
 * - PER_FAMILY of each family, the best of the first FAMILY_SAMPLE allowed ones in the
 *   family: intros, outros and poses for the song's structure, and every family the music
 *   plan may lean on, so none goes missing because its moves rank low for this text (a
 *   filtered graph walk for a rare family visits most of the graph: 10–20 ms each at 10k);
 * - BASICS 8-count basics spread over their (entry, exit) holds from the first BASIC_SAMPLE:
 *   the connectors the beam search bridges holds with, so coverage beats rank;
 * - OFF_TEMPO best of any tempo: the engine's last resort when no clip is near the song's;
 * - PER_NAME for each move asked for by name (its name finds it).
 * All but the last two are taken within TEMPO_WINDOW of the song tempo, where clips are
 * usable. Total ≤ ~600 moves, whatever the library's size: the beam search stays fast.
 */
export const RETRIEVAL_BUDGET = { POOL: 240, PER_FAMILY: 12, FAMILY_SAMPLE: 48, BASICS: 120, BASIC_SAMPLE: 480, OFF_TEMPO: 48, PER_NAME: 5 }
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
    const add = (list: IndexedMove[]) => { for (const c of list) byId.set(c.move.id, c) }
    const walk = (pool: number, accept: (m: MoveAnnotation) => boolean, qq = q, vec = queryText) => add(gatherCandidates(index, qq, vec, pool, accept))
    const usable = (m: MoveAnnotation) => allowed(m) && inTempo(m)
    walk(B.POOL, usable)
    const excluded = new Set(params.excludeFamilies)
    for (const f of FAMILIES) {
      if (excluded.has(f)) continue
      // Closest in meaning among the sample (a dot product each; the union is scored fully below).
      const sample = firstOf(index.inFamily(f), B.FAMILY_SAMPLE, usable).map((e) => ({ e, sim: dot(queryText, e.text) }))
      add(sample.sort((a, b) => b.sim - a.sim).slice(0, B.PER_FAMILY).map((x) => x.e))
    }
    add(spreadByHolds(firstOf(index.inFamily('basic'), B.BASIC_SAMPLE, (m) => m.counts === 8 && usable(m)), B.BASICS))
    walk(B.OFF_TEMPO, allowed)
    // A move asked for by name is a hard constraint: its own name finds it.
    for (const name of params.includeMoves) {
      const nq = understandQuery(name)
      walk(B.PER_NAME, allowed, nq, await embedQuery(embedder, nq, w))
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

/** The first n entries that pass `accept` (a bounded look, whatever the family's size). */
function firstOf(entries: Iterable<IndexedMove>, n: number, accept: (m: MoveAnnotation) => boolean): IndexedMove[] {
  const out: IndexedMove[] = []
  for (const e of entries) {
    if (!accept(e.move)) continue
    out.push(e)
    if (out.length >= n) break
  }
  return out
}

/** Up to n moves taken in turn from each (entry state, exit state) pair, so every bridge the sample holds is kept. */
function spreadByHolds(moves: IndexedMove[], n: number): IndexedMove[] {
  const groups = new Map<string, IndexedMove[]>()
  for (const e of moves) {
    const { entry: a, exit: b } = e.move
    const k = `${a.hold}|${a.leadWeight}|${a.facing}>${b.hold}|${b.leadWeight}|${b.facing}`
    const g = groups.get(k)
    if (g) g.push(e)
    else groups.set(k, [e])
  }
  const out: IndexedMove[] = []
  for (let round = 0; out.length < n; round++) {
    let took = false
    for (const g of groups.values()) {
      if (round < g.length && out.length < n) { out.push(g[round]); took = true }
    }
    if (!took) break
  }
  return out
}
