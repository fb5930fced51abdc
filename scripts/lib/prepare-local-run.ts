import { execa } from 'execa'
import { checkMediaTools } from '@/lib/engines/media/ffmpeg'
import { localAuthSecret } from './app-server'
import { provideDatabase, type ProvidedDatabase } from './database'
import { installDemoSongs, migrateDatabase, seedDatabase, setupModels } from './prepare-database'
import { startWorker, type RunningWorker } from './worker-process'

export interface LocalRun {
  db: ProvidedDatabase
  authSecret: string
  seeded: { seeded: string[]; password: string }
}

/**
 * What `npm run demo` and `npm run dev` both need before a server starts: DATABASE_URL's
 * server or the embedded one, migrated and seeded with the demo accounts, the demo songs
 * installed with their analysis, the embedding model in place, a local auth secret.
 */
export async function prepareLocalRun(log: (s: string) => void): Promise<LocalRun> {
  // Songs, clips and videos all go through ffmpeg: without it, say so in one line and stop.
  const { notice, ok } = checkMediaTools()
  if (notice) log(notice)
  if (!ok) process.exit(1)
  const db = await provideDatabase({ fresh: false })
  log(db.embedded ? 'using embedded PostgreSQL (.data/pg)' : 'using DATABASE_URL')
  await migrateDatabase(db.url)
  const authSecret = process.env.AUTH_SECRET ?? (await localAuthSecret())
  const seeded = JSON.parse((await seedDatabase(db.url)).trim().split('\n').pop()!) as LocalRun['seeded']
  log('installing the demo songs (the first run synthesises and analyses them)…')
  log(await installDemoSongs(db.url))
  await setupModels()
  return { db, authSecret, seeded }
}

/** The demo move clips into storage (rendered once, cached in .data/demo-library): what any
 * worker, local or docker compose's, renders from. */
export async function installDemoClips(dbUrl: string, log: (s: string) => void): Promise<void> {
  log('installing the demo move clips into storage (the first run renders them: a few minutes)…')
  await execa('npx', ['tsx', 'scripts/install-demo-library.ts'], { env: { DATABASE_URL: dbUrl }, stdio: 'inherit' })
}

/** The demo move clips, then a render worker on `port`. Choreographies made meanwhile wait in
 * the queue; none is lost. `stopping()` says the run is being shut down, so no worker is
 * started after that. */
export async function startLocalRendering(opts: {
  dbUrl: string; port: number; secret: string; log: (s: string) => void; stopping: () => boolean
}): Promise<RunningWorker | undefined> {
  await installDemoClips(opts.dbUrl, opts.log)
  if (opts.stopping()) return undefined
  const worker = await startWorker({ port: opts.port, env: { DATABASE_URL: opts.dbUrl, WORKER_SECRET: opts.secret, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' } })
  worker.process.stdout?.pipe(process.stdout)
  worker.process.stderr?.pipe(process.stderr)
  opts.log(`render worker ready on ${worker.url}`)
  return worker
}
