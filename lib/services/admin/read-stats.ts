import { DIFFICULTIES, FAMILIES } from '@/lib/engines/dance/vocabulary-values'
import { getDb } from '@/lib/shared/db'

export const STATS_WEEKS = 12
const TOP_MOVES = 10

export type LibraryStats = Awaited<ReturnType<typeof readStats>>

/**
 * What the admin section's stats page shows: the library by family and by level (enabled and
 * disabled), the moves the blueprints use most, class plans, and choreographies per week.
 * Aggregates only, so every instructor may see them; "yours" counts are the caller's own.
 */
export async function readStats(userId: string, now = new Date()) {
  const db = getDb()
  const since = startOfWeek(new Date(now.getTime() - (STATS_WEEKS - 1) * 7 * 86_400_000))
  const [byFamily, byLevel, topMoves, planCount, myPlanCount, weekly] = await Promise.all([
    db.move.groupBy({ by: ['family', 'enabled'], _count: { _all: true } }),
    db.move.groupBy({ by: ['difficulty', 'enabled'], _count: { _all: true } }),
    // One row per placed move in every stored blueprint (holds have no move): the library's
    // real use, which no column records.
    db.$queryRaw<{ moveId: string; uses: bigint; choreographies: bigint }[]>`
      SELECT e->>'moveId' AS "moveId", count(*) AS uses, count(DISTINCT b."taskId") AS choreographies
      FROM "Blueprint" b CROSS JOIN LATERAL jsonb_array_elements(b.data->'moves') e
      WHERE e ? 'moveId'
      GROUP BY 1 ORDER BY uses DESC, 1 LIMIT ${TOP_MOVES}`,
    db.classPlan.count(),
    db.classPlan.count({ where: { instructorId: userId } }),
    db.$queryRaw<{ week: Date; made: bigint; rendered: bigint }[]>`
      SELECT date_trunc('week', "createdAt") AS week, count(*) AS made,
             count(*) FILTER (WHERE status = 'SUCCEEDED') AS rendered
      FROM "ChoreographyTask" WHERE "createdAt" >= ${since}
      GROUP BY 1 ORDER BY 1`,
  ])
  const names = new Map(
    (await db.move.findMany({ where: { id: { in: topMoves.map((m) => m.moveId) } }, select: { id: true, name: true, family: true } }))
      .map((m) => [m.id, m]),
  )
  return {
    movesByFamily: tally(FAMILIES, byFamily.map((r) => ({ key: r.family, enabled: r.enabled, n: r._count._all }))),
    movesByLevel: tally(DIFFICULTIES, byLevel.map((r) => ({ key: r.difficulty, enabled: r.enabled, n: r._count._all }))),
    mostUsedMoves: topMoves.map((m) => ({
      moveId: m.moveId,
      name: names.get(m.moveId)?.name ?? m.moveId,
      family: names.get(m.moveId)?.family ?? null,
      uses: Number(m.uses),
      choreographies: Number(m.choreographies),
    })),
    classPlans: { total: planCount, yours: myPlanCount },
    choreographiesPerWeek: fillWeeks(since, weekly.map((w) => ({ week: w.week, made: Number(w.made), rendered: Number(w.rendered) }))),
  }
}

/** Every vocabulary value gets a row, in vocabulary order, even at zero; values outside it
 * (older annotations) follow at the end rather than disappear. */
function tally(order: readonly string[], rows: { key: string; enabled: boolean; n: number }[]) {
  const keys = [...order, ...[...new Set(rows.map((r) => r.key))].filter((k) => !order.includes(k)).sort()]
  return keys.map((key) => {
    const enabled = rows.filter((r) => r.key === key && r.enabled).reduce((s, r) => s + r.n, 0)
    const disabled = rows.filter((r) => r.key === key && !r.enabled).reduce((s, r) => s + r.n, 0)
    return { key, enabled, disabled }
  })
}

/** Monday 00:00 UTC of the week holding `d`: what Postgres's date_trunc('week') gives in UTC. */
export function startOfWeek(d: Date): Date {
  const day = (d.getUTCDay() + 6) % 7
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day))
}

/** One entry per week from `since`, weeks without choreographies at zero (a gap is news). */
function fillWeeks(since: Date, rows: { week: Date; made: number; rendered: number }[]) {
  const byWeek = new Map(rows.map((r) => [startOfWeek(r.week).toISOString().slice(0, 10), r]))
  return Array.from({ length: STATS_WEEKS }, (_, i) => {
    const week = new Date(since.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10)
    const r = byWeek.get(week)
    return { week, made: r?.made ?? 0, rendered: r?.rendered ?? 0 }
  })
}
