import { createHash, timingSafeEqual } from 'node:crypto'

/** The header the web app sends the worker's wake endpoint. */
export const WORKER_SECRET_HEADER = 'x-worker-secret'

/** Constant-time comparison: hashing first makes both sides the same length, so neither the
 * contents nor the length of the secret leak through timing. */
export function secretMatches(given: string | null | undefined, expected: string | undefined): boolean {
  if (!expected || typeof given !== 'string' || given.length === 0) return false
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
