import { createHash, timingSafeEqual } from 'node:crypto'
import { AppError } from '@/lib/shared/errors'

/**
 * The metrics scrape's bearer check. No METRICS_TOKEN configured: the endpoint does not exist
 * (404, like any unknown path). Both sides are hashed first so the comparison takes the same
 * time whatever the length or the first wrong character of the guess.
 */
export function authorizeMetricsScrape(authorization: string | null, token: string | undefined): void {
  if (!token) throw new AppError('not_found', 'No such API endpoint', 404)
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? ''
  const digest = (s: string) => createHash('sha256').update(s).digest()
  if (!timingSafeEqual(digest(given), digest(token))) throw AppError.unauthenticated('A valid metrics token is required')
}
