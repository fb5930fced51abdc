/**
 * The move browser's state lives in the address (shareable, back button): the same names as
 * GET /api/moves takes, one value each. No zod here (client code); the server validates.
 */
export const FILTER_KEYS = ['family', 'difficulty', 'style', 'hold', 'energy'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]
export type MoveQuery = { q: string } & Record<FilterKey, string>

export const PAGE_SIZE = 24

export function readMoveQuery(params: { get(name: string): string | null }): MoveQuery {
  const out = { q: (params.get('q') ?? '').trim() } as MoveQuery
  for (const k of FILTER_KEYS) out[k] = params.get(k) ?? ''
  return out
}

/** Canonical order, empty values left out: equal queries give equal strings. */
export function moveQueryString(q: MoveQuery): string {
  const p = new URLSearchParams()
  if (q.q) p.set('q', q.q)
  for (const k of FILTER_KEYS) if (q[k]) p.set(k, q[k])
  return p.toString()
}

export const hasAnyFilter = (q: MoveQuery) => FILTER_KEYS.some((k) => q[k] !== '')
