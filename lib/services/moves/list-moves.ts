import type { z } from 'zod'
import { getDb, type Prisma } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { explainSearchHit } from '@/lib/engines/search/explain-search-hit'
import { searchMoves } from '@/lib/engines/search/search-moves'
import { DIFFICULTIES, DIFFICULTY_RANK } from '@/lib/engines/dance/vocabulary'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { pageArgs } from '@/lib/shared/validation/pagination'
import type { MoveListQuerySchema } from '@/lib/shared/validation/moves'
import { getVisibleMoveOrThrow, isCurator } from './move-access'
import { getMoveSearch } from './move-search'
import { serializeMove } from './serialize-move'

type Query = z.infer<typeof MoveListQuerySchema>

/** With `q`: hybrid search (semantic + attributes + lexical) with score parts per result.
 * Without: a filtered, paginated listing by name. Disabled moves only for curators who ask. */
export async function listMoves(user: SessionUser, q: Query) {
  if (q.includeDisabled && !isCurator(user)) throw AppError.forbidden('Only instructors can list disabled moves')
  const text = q.q
  if (text) {
    const { index, embedder } = await getMoveSearch()
    const limit = Math.min(100, q.page * q.pageSize)
    const result = await searchMoves(index, embedder, {
      query: text,
      limit,
      filters: {
        difficulty: q.difficulty, maxDifficulty: q.maxDifficulty, energy: q.energy, styles: q.style,
        includeFamilies: q.family, excludeFamilies: q.excludeFamily, holds: q.hold,
      },
    })
    const hits = result.hits.slice((q.page - 1) * q.pageSize)
    // The row decides, not the index: another instance may have disabled a move that this
    // process's index still holds until its next refresh.
    const rows = await getDb().move.findMany({ where: { id: { in: hits.map((h) => h.move.id) }, ...(q.includeDisabled ? {} : { enabled: true }) } })
    const byId = new Map(rows.map((r) => [r.id, r]))
    return {
      items: hits.filter((h) => byId.has(h.move.id)).map((h) => ({
        ...serializeMove(byId.get(h.move.id)!), score: h.score, scoreParts: h.parts,
        why: explainSearchHit({ query: text, move: h.move, parts: h.parts }),
      })),
      total: result.hits.length, page: q.page, pageSize: q.pageSize, embedderId: result.embedderId, tookMs: result.tookMs,
    }
  }
  const and: Prisma.MoveWhereInput[] = []
  if (!q.includeDisabled) and.push({ enabled: true })
  if (q.difficulty) and.push({ difficulty: { in: q.difficulty } })
  if (q.maxDifficulty) and.push({ difficulty: { in: DIFFICULTIES.filter((d) => DIFFICULTY_RANK[d] <= DIFFICULTY_RANK[q.maxDifficulty!]) } })
  if (q.energy) and.push({ energy: { in: q.energy } })
  if (q.style) and.push({ styles: { hasSome: q.style } })
  if (q.family) and.push({ family: { in: q.family } })
  if (q.excludeFamily) and.push({ family: { notIn: q.excludeFamily } })
  // Entry or exit, as the search filter does (movesThroughHold explains why).
  if (q.hold) and.push({ OR: q.hold.flatMap((hold) => [{ entry: { path: ['hold'], equals: hold } }, { exit: { path: ['hold'], equals: hold } }]) })
  const where = { AND: and }
  const db = getDb()
  const [rows, total] = await Promise.all([
    db.move.findMany({ where, orderBy: [{ family: 'asc' }, { name: 'asc' }], ...pageArgs(q) }),
    db.move.count({ where }),
  ])
  return { items: rows.map(serializeMove), total, page: q.page, pageSize: q.pageSize }
}

export async function getMove(user: SessionUser, id: string) {
  return serializeMove(await getVisibleMoveOrThrow(user, id))
}
