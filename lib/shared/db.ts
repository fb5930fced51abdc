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
    // Idle connections close after 10 s, so an idle service lets Aurora Serverless pause.
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
