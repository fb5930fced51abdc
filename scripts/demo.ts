/**
 * `npm run demo`: the whole product on this machine. Uses DATABASE_URL when set, else an
 * embedded PostgreSQL in ./.data/pg; migrates, seeds the demo accounts, builds if needed,
 * and serves on http://localhost:3000 (PORT to change).
 */
import { buildApp, localAuthSecret, startApp } from './lib/app-server'
import { provideDatabase } from './lib/database'
import { migrateDatabase, seedDatabase, setupModels } from './lib/prepare-database'

async function main() {
  const port = Number(process.env.PORT ?? 3000)
  const log = (s: string) => console.log(`[demo] ${s}`)
  const db = await provideDatabase({ fresh: false })
  log(db.embedded ? 'using embedded PostgreSQL (.data/pg)' : 'using DATABASE_URL')
  await migrateDatabase(db.url)
  const authSecret = process.env.AUTH_SECRET ?? (await localAuthSecret())
  const seeded = JSON.parse((await seedDatabase(db.url)).trim().split('\n').pop()!) as { seeded: string[]; password: string }
  await setupModels()
  await buildApp({ log })
  const app = await startApp({
    port, host: '0.0.0.0', inheritOutput: false,
    env: { DATABASE_URL: db.url, AUTH_SECRET: authSecret, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
  })
  app.process.stdout?.pipe(process.stdout)
  app.process.stderr?.pipe(process.stderr)
  console.log(`
  Bachata Buddy is running at ${app.url}

  Demo accounts (password: ${seeded.password})
${seeded.seeded.map((e) => `    ${e}`).join('\n')}

  Ctrl+C to stop.
`)
  const shutdown = async () => {
    await app.stop().catch(() => {})
    await db.release().catch(() => {})
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((e) => {
  console.error('[demo] failed:', e instanceof Error ? e.message : e)
  process.exit(1)
})
