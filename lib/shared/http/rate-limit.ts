import { AppError } from '@/lib/shared/errors'
import { getEnv } from '@/lib/shared/env'

/**
 * Sliding-window-log rate limiter kept in process memory. Enough for one web instance;
 * several instances behind a load balancer would each allow the limit (move the log to
 * Redis or Postgres then). Keys are bounded so an attacker cannot grow the map forever.
 */
const MAX_KEYS = 50_000
const hits = new Map<string, number[]>()

export function consumeRateLimit(key: string, limit: number, windowMs: number, now = Date.now()): void {
  if (getEnv().RATE_LIMIT_DISABLED) return
  const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs)
  if (recent.length >= limit) {
    hits.set(key, recent)
    throw AppError.rateLimited((windowMs - (now - recent[0])) / 1000)
  }
  recent.push(now)
  hits.delete(key) // re-insert so Map order is least-recently-used first
  hits.set(key, recent)
  if (hits.size > MAX_KEYS) hits.delete(hits.keys().next().value as string)
}

/** Client address: the first X-Forwarded-For hop set by our proxy/load balancer, else a placeholder. */
export function clientIp(headers: Headers): string {
  const fwd = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return (fwd || headers.get('x-real-ip') || 'local').slice(0, 64)
}

/** Sign-in and sign-up attempts per IP + email per minute (env, read per request). */
export const authAttemptsPerMinute = () => getEnv().RATE_LIMIT_AUTH_PER_MINUTE
