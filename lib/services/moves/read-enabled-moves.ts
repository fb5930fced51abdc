import { Prisma } from '@/lib/shared/db'
import type { Move } from '@/lib/generated/prisma/client'
import { preparedQuery, type PreparedStatement } from '@/lib/shared/prepared-query'

/** Every scalar column of Move, as Prisma's findMany returns them (kept in step with the schema). */
const ENABLED_MOVES_BY_ID: PreparedStatement = {
  name: 'enabled-moves-by-id',
  text: `SELECT ${Object.values(Prisma.MoveScalarFieldEnum).map((c) => `"${c}"`).join(', ')}
    FROM "Move" WHERE id = ANY($1::text[]) AND enabled`,
}

/**
 * These moves' rows, enabled ones only, in no particular order: what `move.findMany({ where:
 * { id: { in: ids }, enabled: true } })` returns, through a prepared statement because every
 * search reads it (lib/shared/prepared-query.ts).
 */
export async function readEnabledMoves(ids: string[]): Promise<Move[]> {
  if (!ids.length) return []
  return preparedQuery<Move>(ENABLED_MOVES_BY_ID, [ids])
}
