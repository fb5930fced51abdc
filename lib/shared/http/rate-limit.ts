import { createHash } from 'node:crypto'
import type { Pool } from 'pg'
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { getPool } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import { getMetrics } from './metrics'
import { readPeer } from './stamp-peer-address'

/**
 * Rate limits shared by every web instance: fixed windows counted in Postgres (the one
 * service every deployment has) through rate-limiter-flexible's Postgres store, one atomic
 * upsert per hit. Keys are hashed, so no email or address is stored in the table. When
 * Postgres cannot be reached the same limits hold per instance in memory (the library's
 * insurance limiter) rather than failing requests or letting everything through.
 */
const limiters = new Map<string, RateLimiterPostgres>()
/** The pool the limiters were made on: a new one (after disconnectDb) gets new limiters. */
let limitersPool: Pool | undefined

function limiterFor(name: string, limit: number, windowMs: number): RateLimiterPostgres {
  // The app's pool, whose connections the web server keeps open (warmPool). A pool of its own,
  // letting idle connections go after 10 s, reopened one (a Postgres backend fork) on the first
  // limited request after a pause and during bursts: the stall warmPool removed from reads.
  const pool = getPool()
  if (pool !== limitersPool) { limiters.clear(); limitersPool = pool }
  const id = `${name}|${limit}|${windowMs}`
  let limiter = limiters.get(id)
  if (!limiter) {
    const duration = Math.max(1, Math.ceil(windowMs / 1000))
    limiter = new RateLimiterPostgres({
      storeClient: pool, storeType: 'pool', tableName: 'rate_limit', tableCreated: true, clearExpiredByTimeout: false,
      keyPrefix: id, points: limit, duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: id, points: limit, duration }),
    })
    limiters.set(id, limiter)
  }
  return limiter
}

export async function consumeRateLimit(name: string, key: string, limit: number, windowMs: number): Promise<void> {
  if (getEnv().RATE_LIMIT_DISABLED) return
  const hashed = createHash('sha256').update(key).digest('base64url')
  try {
    await limiterFor(name, limit, windowMs).consume(hashed)
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      getMetrics().rateLimited.inc({ limit: name })
      throw AppError.rateLimited(e.msBeforeNext / 1000)
    }
    logger.warn({ err: String(e), name }, 'rate limit store failed; request allowed')
  }
  if (Math.random() < 0.01) void pruneExpired()
}

/** Expired windows are dead rows: cleared now and then by whichever instance gets the dice. */
async function pruneExpired(): Promise<void> {
  await getPool().query('DELETE FROM "rate_limit" WHERE expire < $1', [Date.now() - 60_000]).catch(() => {})
}

/**
 * The client's address. With TRUSTED_PROXY_HOPS=0 (the default) it is the socket's peer:
 * whatever X-Forwarded-For says is ignored. With N trusted proxies in front (each appending
 * the address it saw), it is the entry N hops back from the peer; anything further left was
 * written by the client and is not believed.
 */
export function clientIp(headers: Headers, hops = getEnv().TRUSTED_PROXY_HOPS): string {
  const seen = readPeer(headers)
  if (!seen) return 'unknown'
  const chain = [...seen.forwardedFor, seen.peer]
  const ip = chain[Math.max(0, chain.length - 1 - hops)]
  return ip.replace(/^::ffff:/, '').slice(0, 64)
}

/** Sign-in and sign-up attempts per IP + email per minute (env, read per request). */
export const authAttemptsPerMinute = () => getEnv().RATE_LIMIT_AUTH_PER_MINUTE

/** Sign-in attempts from one address over all accounts: ten accounts' worth. */
export const authAttemptsPerAddressPerMinute = () => 10 * getEnv().RATE_LIMIT_AUTH_PER_MINUTE

/**
 * Sign-in, for the token API and the browser alike. Per (address, account): a guesser is
 * slowed on that account from that address only, so a stranger cannot lock the owner out
 * (the owner signs in from their own address). Per address: one machine cannot walk
 * through many accounts.
 */
export async function limitSignIn(ip: string, email: string): Promise<void> {
  await consumeRateLimit('login', `${ip}:${email}`, authAttemptsPerMinute(), 60_000)
  await consumeRateLimit('login-address', ip, authAttemptsPerAddressPerMinute(), 60_000)
}
