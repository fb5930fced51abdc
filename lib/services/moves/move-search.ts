import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import type { Embedder } from '@/lib/engines/search/embedder'
import { MoveIndex } from '@/lib/engines/search/move-index'
import { ATTRIBUTE_DIMS, embedMoves, moveVectorKey, type MoveVector } from '@/lib/engines/search/move-vector'
import { WordVectorEmbedder } from '@/lib/engines/search/word-vector-embedder'
import { DEFAULT_WORD_VECTORS_FILE } from '@/lib/engines/search/word-vectors-file'
import { getDb } from '@/lib/shared/db'
import { preparedQuery, type PreparedStatement } from '@/lib/shared/prepared-query'
import { AppError } from '@/lib/shared/errors'
import { logger } from '@/lib/shared/logger'
import { toLibraryMove } from './load-library'

/** Changes whenever the stored vector would (text or attributes). */
const textHash = (m: MoveAnnotation) => moveVectorKey(m)

/** An expression over "Move" (aggregate): the library's change watermark. The enabled count
 * too: a bulk enable/disable in SQL (test and demo setup) leaves updatedAt as it was. */
export const WATERMARK_SQL = `concat(count(*), ':', count(*) FILTER (WHERE enabled), ':', coalesce(max("updatedAt")::text, ''))`

const WATERMARK: PreparedStatement = { name: 'move-watermark', text: `SELECT ${WATERMARK_SQL} AS w FROM "Move"` }

/** Read by refresh() (each retrieval for a choreography; the search reads it with its rows:
 * read-enabled-moves.ts): a prepared statement, not the ORM (lib/shared/prepared-query.ts). */
async function readWatermark(): Promise<string> {
  const rows = await preparedQuery<{ w: string }>(WATERMARK, [])
  return rows[0]?.w ?? ''
}

/** Vectors for these moves: stored ones when the text is unchanged, else embedded and stored.
 * `force` embeds and stores them all anew (re-embed). */
async function vectorsFor(moves: MoveAnnotation[], embedder: Embedder, force = false): Promise<MoveVector[]> {
  const db = getDb()
  const stored = await db.moveEmbedding.findMany({ where: { embedderId: embedder.id, moveId: { in: moves.map((m) => m.id) } } })
  const byId = new Map(stored.map((s) => [s.moveId, s]))
  const fresh: MoveVector[] = []
  const stale = moves.filter((m) => {
    const s = byId.get(m.id)
    if (force || !s || s.textHash !== textHash(m) || s.dims !== embedder.dims + ATTRIBUTE_DIMS) return true
    const bytes = Buffer.from(s.vector)
    fresh.push({ moveId: m.id, embedderId: embedder.id, dims: s.dims, vector: new Float32Array(bytes.buffer, bytes.byteOffset, s.dims).slice() })
    return false
  })
  if (stale.length) {
    const made = await embedMoves(stale, embedder)
    for (const [i, v] of made.entries()) {
      const data = { dims: v.dims, vector: new Uint8Array(Float32Array.from(v.vector).buffer), textHash: textHash(stale[i]) }
      await db.moveEmbedding.upsert({
        where: { moveId_embedderId: { moveId: v.moveId, embedderId: embedder.id } },
        create: { moveId: v.moveId, embedderId: embedder.id, ...data },
        update: data,
      })
    }
    fresh.push(...made)
  }
  return fresh
}

/**
 * The web process's searchable library: the offline embedder and an in-memory index built
 * from Postgres. Vectors are stored per (move, embedder id) and reused while the embedded
 * text is unchanged; a different embedder id re-embeds. Ingest, edit and disable update the
 * index at once (sync); edits made by another instance are picked up on the next search by
 * comparing the table's change watermark (refresh).
 */
export class MoveSearch {
  private constructor(readonly embedder: Embedder, readonly index: MoveIndex, private watermark: string) {}

  static async build(opts: { wordVectorsFile?: string } = {}): Promise<MoveSearch> {
    const started = performance.now()
    // Built at setup (npm run setup:models), never here: it takes ~1 GB to read the source JSON.
    const embedder = await WordVectorEmbedder.load(opts.wordVectorsFile ?? DEFAULT_WORD_VECTORS_FILE).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') throw new AppError('unavailable', 'Move search is not set up yet (run npm run setup:models)', 503)
      throw e
    })
    const watermark = await readWatermark()
    const moves = (await getDb().move.findMany({ where: { enabled: true } })).map(toLibraryMove)
    const index = new MoveIndex({ embedderId: embedder.id, dims: embedder.dims + ATTRIBUTE_DIMS })
    const vectors = new Map((await vectorsFor(moves, embedder)).map((v) => [v.moveId, v]))
    for (const m of moves) index.upsert(m, vectors.get(m.id)!)
    logger.info({ moves: moves.length, ms: Math.round(performance.now() - started), embedder: embedder.id }, 'move index built')
    return new MoveSearch(embedder, index, watermark)
  }

  /** Whether the index reflects the library at this watermark (one read elsewhere, e.g. with rows). */
  isCurrent(watermark: string): boolean {
    return watermark === this.watermark
  }

  /** Re-reads the moves when another instance changed the library (cheap at library sizes). */
  async refresh(): Promise<void> {
    const now = await readWatermark()
    if (this.isCurrent(now)) return
    const moves = (await getDb().move.findMany()).map(toLibraryMove)
    const live = moves.filter((m) => m.enabled)
    const vectors = new Map((await vectorsFor(live, this.embedder)).map((v) => [v.moveId, v]))
    for (const m of moves) {
      if (m.enabled) this.index.upsert(m, vectors.get(m.id)!)
      else this.index.remove(m.id)
    }
    this.watermark = now
  }

  /** One move changed in this process: reflect it at once. */
  async sync(move: MoveAnnotation & { enabled: boolean }): Promise<void> {
    if (move.enabled) {
      const [v] = await vectorsFor([move], this.embedder)
      this.index.upsert(move, v)
    } else {
      this.index.remove(move.id)
    }
    this.watermark = await readWatermark()
  }

  /** Embeds one move again now, whatever is stored, and puts it in the index if it is enabled. */
  async reembed(move: MoveAnnotation & { enabled: boolean }): Promise<MoveVector> {
    const [v] = await vectorsFor([move], this.embedder, true)
    if (move.enabled) this.index.upsert(move, v)
    else this.index.remove(move.id)
    return v
  }
}

// The process's one instance: started at server start-up (instrumentation.ts) so the first
// search does not pay for the build, or by the first search otherwise. A failed build is
// forgotten, so the next call tries again.
// Next bundles instrumentation.ts and the route handlers separately, each with its own copy
// of this module, so a plain module variable was built twice (measured: two "move index
// built" logs). The slot therefore lives on globalThis under a registered symbol; only the
// functions below touch it, and tests reset it with resetMoveSearch().
const SLOT = Symbol.for('bachata-buddy.move-search')
type Slot = { [SLOT]?: Promise<MoveSearch> | null }
const slot = globalThis as Slot

export function startMoveSearch(): Promise<MoveSearch> {
  slot[SLOT] ??= MoveSearch.build().catch((e) => {
    slot[SLOT] = null
    throw e
  })
  return slot[SLOT]
}

export async function getMoveSearch(): Promise<MoveSearch> {
  const search = await startMoveSearch()
  await search.refresh()
  return search
}

/** Called after ingest/edit/disable in this process so search reflects it immediately. */
export async function syncMoveInIndex(move: MoveAnnotation & { enabled: boolean }): Promise<void> {
  const instance = slot[SLOT]
  if (!instance) return // not built yet: the first search builds it from the database
  await (await instance).sync(move)
}

/** Tests: forget the instance; the next call builds a fresh one. */
export function resetMoveSearch(): void {
  slot[SLOT] = null
}
