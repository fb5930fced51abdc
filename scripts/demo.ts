/**
 * `npm run demo`: the whole product on this machine. Uses DATABASE_URL when set, else an
 * embedded PostgreSQL in ./.data/pg; migrates, seeds the demo accounts, builds if needed,
 * installs the demo songs as public songs with their analysis, and serves on
 * http://localhost:3000 (PORT to change). Then it installs the demo move clips
 * into storage (generated once, cached in .data/demo-library) and starts the render worker.
 */
import { randomBytes } from 'node:crypto'
import { execa } from 'execa'
import { mediaTool } from '@/lib/engines/media/ffmpeg'
import { mediaToolsNotice } from '@/lib/engines/media/find-media-tools'
import { buildApp, freePort, localAuthSecret, startApp } from './lib/app-server'
import { provideDatabase } from './lib/database'
import { installDemoSongs, migrateDatabase, seedDatabase, setupModels } from './lib/prepare-database'
import { startWorker, type RunningWorker } from './lib/worker-process'

async function main() {
  const port = Number(process.env.PORT ?? 3000)
  const log = (s: string) => console.log(`[demo] ${s}`)
  // Songs, clips and videos all go through ffmpeg: without it, say so in one line and stop.
  const tools = [mediaTool('ffmpeg'), mediaTool('ffprobe')]
  const notice = mediaToolsNotice(tools)
  if (notice) log(notice)
  if (tools.some((t) => !t.found)) process.exit(1)
  const db = await provideDatabase({ fresh: false })
  log(db.embedded ? 'using embedded PostgreSQL (.data/pg)' : 'using DATABASE_URL')
  await migrateDatabase(db.url)
  const authSecret = process.env.AUTH_SECRET ?? (await localAuthSecret())
  const seeded = JSON.parse((await seedDatabase(db.url)).trim().split('\n').pop()!) as { seeded: string[]; password: string }
  log('installing the demo songs (the first run synthesises and analyses them)…')
  log(await installDemoSongs(db.url))
  await setupModels()
  await buildApp({ log })
  const workerPort = Number(process.env.WORKER_PORT ?? (await freePort()))
  const workerSecret = process.env.WORKER_SECRET ?? randomBytes(24).toString('base64url')
  const app = await startApp({
    port, host: '0.0.0.0', inheritOutput: false,
    env: {
      // The demo is development: without SMTP_HOST, reset links are logged and kept at
      // /dev/mailbox (lib/shared/mail), which a production NODE_ENV turns off. Next prints a
      // warning that development is unusual for `next start`; the build is the same one.
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      DATABASE_URL: db.url, AUTH_SECRET: authSecret, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      WORKER_URL: `http://127.0.0.1:${workerPort}`, WORKER_SECRET: workerSecret,
    },
  })
  app.process.stdout?.pipe(process.stdout)
  app.process.stderr?.pipe(process.stderr)
  console.log(`
  Bachata Buddy is running at ${app.url}

  Demo accounts (password: ${seeded.password})
${seeded.seeded.map((e) => `    ${e}`).join('\n')}
${process.env.SMTP_HOST ? '' : `\n  Mail (password reset) is not sent without SMTP_HOST: read it at ${app.url}/dev/mailbox\n`}
  Ctrl+C to stop.
`)
  // Choreographies made before the worker is up wait in the queue; none is lost.
  let worker: RunningWorker | undefined
  let stopping = false
  const startRendering = async () => {
    log('installing the demo move clips into storage (the first run renders them: a few minutes)…')
    await execa('npx', ['tsx', 'scripts/install-demo-library.ts'], { env: { DATABASE_URL: db.url }, stdio: 'inherit' })
    if (stopping) return
    worker = await startWorker({ port: workerPort, env: { DATABASE_URL: db.url, WORKER_SECRET: workerSecret, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' } })
    worker.process.stdout?.pipe(process.stdout)
    worker.process.stderr?.pipe(process.stderr)
    log(`render worker ready on ${worker.url}`)
  }
  startRendering().catch((e) => log(`the render worker could not start: ${e instanceof Error ? e.message : e}`))
  const shutdown = async () => {
    stopping = true
    await worker?.stop().catch(() => {})
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
