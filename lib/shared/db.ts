import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'

export { Prisma } from '@/lib/generated/prisma/client'
export type { Role, TaskStatus, Visibility } from '@/lib/generated/prisma/client'

/**
 * One pg pool and one PrismaClient on it per process (kept on globalThis so Next's dev reloads
 * and its separately bundled routes don't open a pool each). The hot reads that skip Prisma
 * (lib/shared/prepared-query.ts) borrow from the same pool, so the connection limit is one
 * number. Created lazily: importing this module never touches the database, so `next build`
 * and pure unit tests don't need one.
 */
const globalForDb = globalThis as unknown as { __bbPrisma?: PrismaClient; __bbPool?: pg.Pool }

export function getPool(): pg.Pool {
  if (globalForDb.__bbPool) return globalForDb.__bbPool
  const pool = new pg.Pool({
    connectionString: getEnv().DATABASE_URL,
    max: Number(process.env.DB_POOL_MAX ?? 10),
    connectionTimeoutMillis: 5_000,
    // Idle connections close after 10 s, so an idle service lets Aurora Serverless pause (the
    // web server keeps some longer: warmPool).
    idleTimeoutMillis: 10_000,
    // Health checks and requests must not hang on a dead database.
    statement_timeout: 30_000,
  })
  // An idle connection whose server went away emits 'error' on the pool; unheard, that would
  // end the process. The next query opens a new connection (or fails, and answers 503).
  pool.on('error', (err) => logger.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'idle database connection lost'))
  globalForDb.__bbPool = pool
  return pool
}

/** Connections each web server process keeps open (warmPool). */
export const WEB_KEPT_CONNECTIONS = 4

/**
 * The web server's pool (instrumentation.ts calls this at boot): `keep` connections opened at
 * once and kept for the life of the process, and a burst's extra connections kept a minute
 * idle instead of 10 s. Why: a new connection costs a Postgres backend fork and a cold
 * catalogue cache; opened in the middle of a burst it stalled every request for 100–400 ms, and
 * the queue the stall built made the pool open more (8–12 at once in Postgres's connection log,
 * at exactly the moments the status read's p99 at 300 req/s jumped past 50 ms). The worker and
 * scripts never call this: a worker in request mode must hold no connection while idle.
 * (Aurora's pause is not lost: the web's analysis sweep queries every minute anyway.)
 * Resolves with how many opened; a database that is down rejects (requests then open
 * connections as they need them).
 */
export async function warmPool(keep = WEB_KEPT_CONNECTIONS): Promise<number> {
  const pool = getPool()
  // pg-pool reads both on every release: set here, they hold from now on.
  pool.options.min = Math.min(keep, pool.options.max ?? keep)
  pool.options.idleTimeoutMillis = 60_000
  const opened = await Promise.allSettled(Array.from({ length: pool.options.min }, async () => {
    const client = await pool.connect()
    try { await client.query('SELECT 1') } finally { client.release() }
  }))
  const failed = opened.find((c): c is PromiseRejectedResult => c.status === 'rejected')
  if (failed) throw failed.reason
  return opened.length
}

export function getDb(): PrismaClient {
  globalForDb.__bbPrisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) })
  return globalForDb.__bbPrisma
}

export async function disconnectDb(): Promise<void> {
  const { __bbPrisma: prisma, __bbPool: pool } = globalForDb
  globalForDb.__bbPrisma = undefined
  globalForDb.__bbPool = undefined
  await prisma?.$disconnect()
  await pool?.end()
}
