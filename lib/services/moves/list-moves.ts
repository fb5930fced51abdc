import type { z } from 'zod'
import { getDb, type Prisma } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { searchHitExplainer } from '@/lib/engines/search/explain-search-hit'
import { searchMoves } from '@/lib/engines/search/search-moves'
import { DIFFICULTIES, DIFFICULTY_RANK } from '@/lib/engines/dance/vocabulary'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { pageArgs } from '@/lib/shared/validation/pagination'
import type { MoveListQuerySchema } from '@/lib/shared/validation/moves'
import { getVisibleMoveOrThrow, isCurator } from './move-access'
import { startMoveSearch } from './move-search'
import { readEnabledMoves } from './read-enabled-moves'
import { serializeMove } from './serialize-move'

type Query = z.infer<typeof MoveListQuerySchema>

/** Which moves by their switch: undefined = both. A dancer only ever sees enabled ones. */
function enabledScope(q: Query): boolean | undefined {
  if (q.enabled !== undefined) return q.enabled
  return q.includeDisabled ? undefined : true
}

/** The structured filters as SQL, the same ones the search applies in the index. */
function attributeWhere(q: Query): Prisma.MoveWhereInput[] {
  const and: Prisma.MoveWhereInput[] = []
  if (q.difficulty) and.push({ difficulty: { in: q.difficulty } })
  if (q.maxDifficulty) and.push({ difficulty: { in: DIFFICULTIES.filter((d) => DIFFICULTY_RANK[d] <= DIFFICULTY_RANK[q.maxDifficulty!]) } })
  if (q.energy) and.push({ energy: { in: q.energy } })
  if (q.style) and.push({ styles: { hasSome: q.style } })
  if (q.family) and.push({ family: { in: q.family } })
  if (q.excludeFamily) and.push({ family: { notIn: q.excludeFamily } })
  // Entry or exit, as the search filter does (movesThroughHold explains why).
  if (q.hold) and.push({ OR: q.hold.flatMap((hold) => [{ entry: { path: ['hold'], equals: hold } }, { exit: { path: ['hold'], equals: hold } }]) })
  return and
}

/**
 * Disabled moves matching the text, for curators: the search index holds only enabled moves
 * (nothing disabled may be chosen), so these are matched by their words in SQL instead, every
 * word in the name, variant, description or tags.
 */
async function findDisabledByText(q: Query, text: string) {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 1).slice(0, 8)
  if (!words.length) return []
  const byWord = words.map((w): Prisma.MoveWhereInput => ({
    OR: [
      { name: { contains: w, mode: 'insensitive' } }, { variant: { contains: w, mode: 'insensitive' } },
      { description: { contains: w, mode: 'insensitive' } }, { tags: { has: w } }, { id: { contains: w } },
    ],
  }))
  return getDb().move.findMany({ where: { AND: [{ enabled: false }, ...attributeWhere(q), ...byWord] }, orderBy: { name: 'asc' }, take: 100 })
}

/**
 * The search and its hits' rows. The row decides, not the index: another instance may have
 * disabled a move that this process's index still holds. The rows come with the library's
 * watermark from the same read: when the index was behind it, it is refreshed and the search
 * run again (rare: only after the library changed elsewhere), so one read serves a search.
 */
async function searchWithRows(q: Query, text: string, scope: boolean | undefined) {
  const search = await startMoveSearch()
  const { index, embedder } = search
  for (let attempt = 0; ; attempt++) {
    const result = scope === false ? null : await searchMoves(index, embedder, {
      query: text,
      limit: Math.min(100, q.page * q.pageSize),
      filters: {
        difficulty: q.difficulty, maxDifficulty: q.maxDifficulty, energy: q.energy, styles: q.style,
        includeFamilies: q.family, excludeFamilies: q.excludeFamily, holds: q.hold,
      },
    })
    const { rows, watermark } = await readEnabledMoves((result?.hits ?? []).map((h) => h.move.id))
    // A second miss means it changed again meanwhile: as current as a read before the search was.
    if (search.isCurrent(watermark) || attempt > 0) return { result, rows, embedder }
    await search.refresh()
  }
}

/** With `q`: hybrid search (semantic + attributes + lexical) with score parts per result.
 * Without: a filtered, paginated listing by name. Disabled moves only for curators who ask. */
export async function listMoves(user: SessionUser, q: Query) {
  const scope = enabledScope(q)
  if (scope !== true && !isCurator(user)) throw AppError.forbidden('Only instructors can list disabled moves')
  const text = q.q
  if (text) {
    const { result, rows, embedder } = await searchWithRows(q, text, scope)
    const found = result?.hits ?? []
    const byId = new Map(rows.map((r) => [r.id, r]))
    const explain = searchHitExplainer(text)
    const hits = found.filter((h) => byId.has(h.move.id)).map((h) => ({
      ...serializeMove(byId.get(h.move.id)!, user), score: h.score as number | null, scoreParts: h.parts as typeof h.parts | null,
      why: explain(h.move, h.parts),
    }))
    const disabled = scope === true ? [] : (await findDisabledByText(q, text)).map((m) => ({
      ...serializeMove(m, user), score: null, scoreParts: null, why: 'disabled: matched by its words',
    }))
    // A disabled move matched every word: after the hits that match words too, before those
    // found by meaning alone (the index has no score for it to rank by).
    const byWords = hits.filter((h) => (h.scoreParts?.lexical ?? 0) > 0)
    const all = [...byWords, ...disabled, ...hits.filter((h) => !byWords.includes(h))]
    return {
      items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      total: all.length, page: q.page, pageSize: q.pageSize,
      embedderId: result?.embedderId ?? embedder.id, tookMs: result?.tookMs ?? 0,
    }
  }
  const and = attributeWhere(q)
  if (scope !== undefined) and.push({ enabled: scope })
  const where = { AND: and }
  const db = getDb()
  const [rows, total] = await Promise.all([
    db.move.findMany({ where, orderBy: [{ family: 'asc' }, { name: 'asc' }], ...pageArgs(q) }),
    db.move.count({ where }),
  ])
  return { items: rows.map((r) => serializeMove(r, user)), total, page: q.page, pageSize: q.pageSize }
}

export async function getMove(user: SessionUser, id: string) {
  return serializeMove(await getVisibleMoveOrThrow(user, id), user)
}
