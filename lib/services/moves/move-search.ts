import { getDb } from '@/lib/shared/db'
import { toLibraryMove } from '@/lib/services/moves/load-library'
import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEFAULT_WORD_VECTORS_FILE } from '@/lib/engines/search/word-vectors-file'
import { AppError } from '@/lib/shared/errors'
import type { Embedder } from '@/lib/engines/search/embedder'
import { MoveIndex } from '@/lib/engines/search/move-index'
import { ATTRIBUTE_DIMS, embedMoves, moveVectorKey, type MoveVector } from '@/lib/engines/search/move-vector'
import { WordVectorEmbedder } from '@/lib/engines/search/word-vector-embedder'
import { logger } from '@/lib/shared/logger'

/**
 * The web process's searchable library: the offline embedder and an in-memory index built
 * from Postgres at first use. Vectors are stored per (move, embedder id) and reused while the
 * embedded text is unchanged; a different embedder id re-embeds. Ingest, edit and disable
 * update the index at once; edits made by another instance are picked up on the next search
 * by comparing the table's change watermark.
 */
interface Service { embedder: Embedder; index: MoveIndex; watermark: string }

const g = globalThis as unknown as { __bbMoveSearch?: Promise<Service> }

/** Changes whenever the stored vector would (text or attributes). */
const textHash = (m: MoveAnnotation) => moveVectorKey(m)

async function watermark(): Promise<string> {
  const rows = await getDb().$queryRaw<Array<{ w: string }>>`SELECT concat(count(*), ':', coalesce(max("updatedAt")::text, '')) AS w FROM "Move"`
  return rows[0]?.w ?? ''
}

/** Vectors for these moves: stored ones when the text is unchanged, else embedded and stored. */
async function vectorsFor(moves: MoveAnnotation[], embedder: Embedder): Promise<MoveVector[]> {
  const db = getDb()
  const stored = await db.moveEmbedding.findMany({ where: { embedderId: embedder.id, moveId: { in: moves.map((m) => m.id) } } })
  const byId = new Map(stored.map((s) => [s.moveId, s]))
  const fresh: MoveVector[] = []
  const stale = moves.filter((m) => {
    const s = byId.get(m.id)
    if (!s || s.textHash !== textHash(m) || s.dims !== embedder.dims + ATTRIBUTE_DIMS) return true
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

async function build(): Promise<Service> {
  const started = performance.now()
  // Built at setup (npm run setup:models), never here: it takes ~1 GB to read the source JSON.
  const file = resolve(DEFAULT_WORD_VECTORS_FILE)
  if (!existsSync(file)) throw new AppError('unavailable', 'Move search is not set up yet (run npm run setup:models)', 503)
  const embedder = await WordVectorEmbedder.load(file)
  const mark = await watermark()
  const moves = (await getDb().move.findMany({ where: { enabled: true } })).map(toLibraryMove)
  const index = new MoveIndex({ embedderId: embedder.id, dims: embedder.dims + ATTRIBUTE_DIMS })
  const vectors = new Map((await vectorsFor(moves, embedder)).map((v) => [v.moveId, v]))
  for (const m of moves) index.upsert(m, vectors.get(m.id)!)
  logger.info({ moves: moves.length, ms: Math.round(performance.now() - started), embedder: embedder.id }, 'move index built')
  return { embedder, index, watermark: mark }
}

export async function getMoveSearch(): Promise<Service> {
  g.__bbMoveSearch ??= build().catch((e) => {
    g.__bbMoveSearch = undefined
    throw e
  })
  const svc = await g.__bbMoveSearch
  const now = await watermark()
  if (now !== svc.watermark) {
    // Another instance changed the library: re-read the moves (cheap at library sizes).
    const moves = (await getDb().move.findMany()).map(toLibraryMove)
    const live = moves.filter((m) => m.enabled)
    const vectors = new Map((await vectorsFor(live, svc.embedder)).map((v) => [v.moveId, v]))
    for (const m of moves) {
      if (m.enabled) svc.index.upsert(m, vectors.get(m.id)!)
      else svc.index.remove(m.id)
    }
    svc.watermark = now
  }
  return svc
}

/** Called after ingest/edit/disable in this process so search reflects it immediately. */
export async function syncMoveInIndex(move: MoveAnnotation & { enabled: boolean }): Promise<void> {
  if (!g.__bbMoveSearch) return // not built yet: the first search builds it from the database
  const svc = await g.__bbMoveSearch
  if (move.enabled) {
    const [v] = await vectorsFor([move], svc.embedder)
    svc.index.upsert(move, v)
  } else {
    svc.index.remove(move.id)
  }
  svc.watermark = await watermark()
}
