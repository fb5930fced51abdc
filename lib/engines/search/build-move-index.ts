import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import type { Embedder } from './embedder'
import { MoveIndex } from './move-index'
import { ATTRIBUTE_DIMS, embedMoves, type MoveVector } from './move-vector'
import type { VectorStoreOptions } from './vector-store'

/**
 * Builds the in-memory index at startup. Stored vectors made by this embedder are reused;
 * moves without one (new, or embedded by a different embedder) are embedded now and
 * returned in `embedded` so the caller can store them.
 */
export async function buildMoveIndex(opts: {
  moves: MoveAnnotation[]
  embedder: Embedder
  stored?: MoveVector[]
  store?: Omit<VectorStoreOptions, 'dims'>
}): Promise<{ index: MoveIndex; embedded: MoveVector[] }> {
  const { moves, embedder } = opts
  const dims = embedder.dims + ATTRIBUTE_DIMS
  const reusable = new Map(
    (opts.stored ?? []).filter((v) => v.embedderId === embedder.id && v.dims === dims).map((v) => [v.moveId, v]),
  )
  const embedded = await embedMoves(moves.filter((m) => !reusable.has(m.id)), embedder)
  for (const v of embedded) reusable.set(v.moveId, v)
  const index = new MoveIndex({ embedderId: embedder.id, dims, ...opts.store })
  for (const m of moves) index.upsert(m, reusable.get(m.id)!)
  return { index, embedded }
}
