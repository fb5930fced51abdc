import { Prisma } from '@/lib/shared/db'
import type { Move } from '@/lib/generated/prisma/client'
import { preparedQuery, type PreparedStatement } from '@/lib/shared/prepared-query'
import { WATERMARK_SQL } from './move-search'

/** Every scalar column of Move, as Prisma's findMany returns them (kept in step with the schema). */
const COLUMNS = Object.values(Prisma.MoveScalarFieldEnum).map((c) => `m."${c}"`).join(', ')

// The watermark row is always there (an aggregate); the moves join it, so no match still
// answers the watermark. One statement: one snapshot, one round trip.
const ENABLED_MOVES_BY_ID: PreparedStatement = {
  name: 'enabled-moves-by-id',
  text: `SELECT w.watermark, ${COLUMNS}
    FROM (SELECT ${WATERMARK_SQL} AS watermark FROM "Move") w
    LEFT JOIN "Move" m ON m.id = ANY($1::text[]) AND m.enabled`,
}

/**
 * These moves' rows, enabled ones only, in no particular order (what `move.findMany({ where:
 * { id: { in: ids }, enabled: true } })` returns), and the library's change watermark at the
 * same moment (move-search.ts), so a search can check its index was current in the same
 * read. A prepared statement because every search reads it (lib/shared/prepared-query.ts).
 */
export async function readEnabledMoves(ids: string[]): Promise<{ rows: Move[]; watermark: string }> {
  const found = await preparedQuery<Move & { watermark: string }>(ENABLED_MOVES_BY_ID, [ids])
  const rows: Move[] = []
  for (const { watermark: _w, ...move } of found) if (move.id !== null) rows.push(move)
  return { rows, watermark: found[0]?.watermark ?? '' }
}
