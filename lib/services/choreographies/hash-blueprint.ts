import { createHash } from 'node:crypto'

/** sha256 of JSON with sorted keys: the same blueprint always hashes the same, so the render
 * output key derived from it is stable across retries. */
export function hashBlueprint(value: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon)
      : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]))
        : v
  return createHash('sha256').update(JSON.stringify(canon(value))).digest('hex')
}
