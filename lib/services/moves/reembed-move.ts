import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { toLibraryMove } from './load-library'
import { getEditableMoveOrThrow } from './move-access'
import { startMoveSearch } from './move-search'

/**
 * Recomputes one move's embedding now (a curator's "re-embed"): the stored vector is
 * replaced even when the text is unchanged, and this process's index serves the new one at
 * once. Reports which embedder made it, so a curator can tell a fallback from the real model.
 */
export async function reembedMove(user: SessionUser, id: string) {
  const row = await getEditableMoveOrThrow(user, id)
  const started = performance.now()
  const search = await startMoveSearch()
  const { clipKey: _c, durationSeconds: _d, enabled, ...annotation } = toLibraryMove(row)
  const vector = await search.reembed({ ...annotation, enabled: enabled ?? true })
  return {
    id, embedderId: vector.embedderId, dims: vector.dims, indexed: enabled ?? true,
    ms: Math.round(performance.now() - started),
  }
}
