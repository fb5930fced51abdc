import { AppError } from '@/lib/shared/errors'
import { DIFFICULTY_RANK, ENERGY_RANK, FAMILIES, type DanceState } from '@/lib/engines/dance/vocabulary'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { clipSpanSeconds, isPoseMove, isUsableLibraryMove, type LibraryMove } from './library-move'
import { hashUnit } from './prng'
import { stateKey, type EngineMove } from './engine-types'
import { REQUEST_FIT_WEIGHT, requestFitOf, type RetrievalInput } from './request-fit'

export interface PreparedLibrary {
  moves: EngineMove[]
  states: DanceState[]
  edgeConnectors: Map<number, EngineMove[]>
  nextHop: Int32Array
  hopCount: Int32Array
  maxDifficulty: number
  warnings: string[]
}

/** Words of a name (and the baseline's request words): lower case, 3+ letters. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2)
}

/** "madrid", "Hammerlock double turn", "hammerlock-double": does this move answer to it? */
export function matchesName(m: Pick<LibraryMove, 'id' | 'name'>, wanted: string): boolean {
  const want = words(wanted.replace(/-/g, ' '))
  if (want.length === 0) return false
  const have = new Set([...words(m.id.replace(/-/g, ' ')), ...words(m.name)])
  return want.every((w) => have.has(w))
}

const FAMILY_INDEX = new Map(FAMILIES.map((f, i) => [f, i]))

/**
 * Applies the hard constraints (enabled, exclusions, difficulty cap, clips long enough),
 * precomputes what does not depend on position, and builds the connector graph. Throws a
 * 422 naming the constraint when nothing usable is left. The request's free-text fit comes
 * from `retrieval` (the move search's scores); without it no move is preferred for its text.
 */
export function prepareLibrary(
  library: LibraryMove[],
  params: ChoreographyParams,
  slotCount: number,
  seed: number,
  retrieval: RetrievalInput | null = null,
): PreparedLibrary {
  const warnings: string[] = []
  if (library.length === 0) throw AppError.validation('The move library is empty: add moves before generating')
  const seen = new Set<string>()
  let invalid = 0
  let short = 0
  const usable: LibraryMove[] = []
  for (const raw of library) {
    if (raw.enabled === false || seen.has(raw.id)) continue
    if (!isUsableLibraryMove(raw)) { invalid++; continue }
    // The worker cuts clipIn..clipOut: the clip must hold the whole move after count 1.
    if (raw.firstCountOffset + clipSpanSeconds(raw) > raw.durationSeconds + 0.05) { short++; continue }
    seen.add(raw.id)
    usable.push(raw)
  }
  if (invalid > 0) warnings.push(`${invalid} library move(s) have an invalid annotation and were skipped`)
  if (short > 0) warnings.push(`${short} clip(s) are shorter than their annotated counts and were skipped`)
  if (usable.length === 0) throw AppError.validation('No usable move in the library (all disabled, invalid or too short)')

  const excluded = new Set(params.excludeFamilies)
  const refusedHolds = new Set(params.excludeHolds)
  const allowed = usable.filter((m) => !excluded.has(m.family) && !refusedHolds.has(m.entry.hold) && !refusedHolds.has(m.exit.hold))
  if (allowed.length === 0) {
    const refused = [...params.excludeFamilies, ...params.excludeHolds.map((h) => `${h} hold`)]
    throw AppError.validation(`Every move in the library is excluded by the request (no ${refused.join(', ')})`, {
      [params.excludeFamilies.length ? 'excludeFamilies' : 'excludeHolds']: ['excludes every move in the library'],
    })
  }
  const maxDifficulty = params.difficulty ? DIFFICULTY_RANK[params.difficulty] : 2
  const easyEnough = allowed.filter((m) => DIFFICULTY_RANK[m.difficulty] <= maxDifficulty)
  if (easyEnough.length === 0) {
    throw AppError.validation(`No allowed move is at or below the ${params.difficulty} level`, {
      difficulty: ['no move in the library at or below this level'],
    })
  }
  const fitting = easyEnough.filter((m) => m.counts / 8 <= slotCount)
  if (fitting.length === 0) {
    throw AppError.validation('The requested duration is shorter than every allowed move', {
      durationSeconds: ['too short for any allowed move'],
    })
  }
  for (const f of params.includeFamilies) {
    if (excluded.has(f)) warnings.push(`"${f}" was both requested and excluded: excluded wins`)
    else if (!fitting.some((m) => m.family === f)) warnings.push(`No ${f} move fits this request's level and length`)
  }
  for (const name of params.includeMoves) {
    if (!fitting.some((m) => matchesName(m, name))) {
      const exists = usable.some((m) => matchesName(m, name))
      warnings.push(exists ? `"${name}" is excluded or above the requested level` : `No move named "${name}" in the library`)
    }
  }

  const stateIndex = new Map<string, number>()
  const states: DanceState[] = []
  const keyOf = (s: DanceState) => {
    const k = stateKey(s)
    let i = stateIndex.get(k)
    if (i === undefined) { i = states.length; stateIndex.set(k, i); states.push(s) }
    return i
  }
  const fit = retrieval ? requestFitOf(retrieval.scores, fitting.map((m) => m.id)) : null
  const moves: EngineMove[] = fitting.map((m, idx) => {
    const emphasis = params.emphasis.find((e) => e.family === m.family) ?? null
    return {
      idx,
      move: m,
      n: m.counts / 8,
      entryKey: keyOf(m.entry),
      exitKey: keyOf(m.exit),
      energy: ENERGY_RANK[m.energy] / 2,
      diff: DIFFICULTY_RANK[m.difficulty],
      family: m.family,
      familyIdx: FAMILY_INDEX.get(m.family) ?? 0,
      isIntro: m.family === 'intro',
      isOutro: m.family === 'outro',
      isPose: isPoseMove(m),
      isConnector: false,
      styleFit: params.style === null ? 0 : m.styles.includes(params.style) ? 0.5 : -0.7,
      moodFit: params.moods.length === 0 ? 0 : (0.5 * params.moods.filter((x) => m.moods.includes(x)).length) / params.moods.length,
      queryFit: REQUEST_FIT_WEIGHT * (fit?.get(m.id) ?? 0),
      retrieval: retrieval?.scores[m.id] ?? null,
      includedFamily: params.includeFamilies.includes(m.family),
      namedInRequest: params.includeMoves.some((name) => matchesName(m, name)),
      emphasis: emphasis ? { direction: emphasis.direction, count: emphasis.count } : null,
      taste: hashUnit(seed, 101, hashString(m.id)),
    }
  })
  return { moves, states, maxDifficulty, warnings, ...buildConnectorGraph(moves, states.length) }
}

function hashString(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/**
 * Connectors are 8-count basics that change the hold (a basic that keeps it is an ordinary
 * candidate). When basics are excluded or missing, the plainest 8-count moves stand in, so
 * a connector is never of an excluded family. BFS gives the shortest bridge between states.
 */
function buildConnectorGraph(moves: EngineMove[], stateCount: number) {
  const eightCounts = moves.filter((m) => m.n === 1 && !m.isIntro && !m.isOutro && m.family !== 'dip')
  let pool = eightCounts.filter((m) => m.family === 'basic')
  if (pool.length === 0) pool = eightCounts.filter((m) => m.diff === 0)
  const edgeConnectors = new Map<number, EngineMove[]>()
  const adjacency: number[][] = Array.from({ length: stateCount }, () => [])
  for (const m of pool) {
    if (m.entryKey === m.exitKey) continue
    m.isConnector = true
    const edge = m.entryKey * stateCount + m.exitKey
    const list = edgeConnectors.get(edge)
    if (list) list.push(m)
    else { edgeConnectors.set(edge, [m]); adjacency[m.entryKey].push(m.exitKey) }
  }
  const nextHop = new Int32Array(stateCount * stateCount).fill(-1)
  const hopCount = new Int32Array(stateCount * stateCount).fill(-1)
  for (let from = 0; from < stateCount; from++) {
    hopCount[from * stateCount + from] = 0
    const queue = [from]
    const first = new Int32Array(stateCount).fill(-1)
    while (queue.length > 0) {
      const s = queue.shift()!
      for (const t of adjacency[s]) {
        if (hopCount[from * stateCount + t] >= 0) continue
        hopCount[from * stateCount + t] = hopCount[from * stateCount + s] + 1
        first[t] = s === from ? t : first[s]
        nextHop[from * stateCount + t] = first[t]
        queue.push(t)
      }
    }
  }
  return { edgeConnectors, nextHop, hopCount }
}
