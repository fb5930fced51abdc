import type { LibraryMove, RetrievalInput } from '@/lib/engines/choreography'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { retrieveForRequest } from '@/lib/engines/search/retrieve-for-request'
import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { logger } from '@/lib/shared/logger'
import { loadLibrary, toLibraryMove } from './load-library'
import { getMoveSearch } from './move-search'

/**
 * The moves a choreography may use and how well each fits its request: the request goes
 * through the hybrid move search once. A small library (exact index) is loaded whole, every
 * move scored; a large one loads only the candidates the search returned through its HNSW
 * index (plus `keep`, the moves of a blueprint being edited). Without a move index (word
 * vectors not set up) the whole library is used without scores, as before retrieval.
 */
export async function retrieveLibrary(
  params: ChoreographyParams,
  opts: { songBpm: number; keep?: string[] },
): Promise<{ library: LibraryMove[]; retrieval: RetrievalInput | null }> {
  const search = await getMoveSearch().catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'unavailable') {
      logger.warn({ err: e.message }, 'move search unavailable: choreography without retrieval')
      return null
    }
    throw e
  })
  if (!search) return { library: await loadLibrary(), retrieval: null }
  const found = await retrieveForRequest(search.index, search.embedder, params, { songBpm: opts.songBpm })
  const retrieval = { query: found.query, scores: found.scores }
  // Nothing passed the filters: the engine names the constraint that excluded everything.
  if (found.exact || found.candidates.length === 0) return { library: await loadLibrary(), retrieval }
  const ids = [...new Set([...found.candidates, ...(opts.keep ?? [])])]
  const rows = await getDb().move.findMany({ where: { enabled: true, id: { in: ids } }, orderBy: { id: 'asc' } })
  return { library: rows.map(toLibraryMove), retrieval }
}
