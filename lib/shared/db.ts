import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { getEnv } from '@/lib/shared/env'

export { Prisma } from '@/lib/generated/prisma/client'
export type { Role, TaskStatus, Visibility } from '@/lib/generated/prisma/client'

/**
 * One PrismaClient per process (kept on globalThis so Next's dev reloads don't open a new
 * pool each time). Created lazily: importing this module never touches the database, so
 * `next build` and pure unit tests don't need one.
 */
const globalForDb = globalThis as unknown as { __bbPrisma?: PrismaClient }

export function getDb(): PrismaClient {
  if (!globalForDb.__bbPrisma) {
    const adapter = new PrismaPg({
      connectionString: getEnv().DATABASE_URL,
      max: Number(process.env.DB_POOL_MAX ?? 10),
      connectionTimeoutMillis: 5_000,
      // Idle connections close after 10 s, so an idle service lets Aurora Serverless pause.
      idleTimeoutMillis: 10_000,
      // Health checks and requests must not hang on a dead database.
      statement_timeout: 30_000,
    })
    globalForDb.__bbPrisma = new PrismaClient({ adapter })
  }
  return globalForDb.__bbPrisma
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.__bbPrisma?.$disconnect()
  globalForDb.__bbPrisma = undefined
}
