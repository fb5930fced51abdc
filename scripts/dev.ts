/**
 * `npm run dev`: the app with hot reload (`next dev`) on the same local set-up as the demo
 * (DATABASE_URL or embedded PostgreSQL, demo accounts, demo songs). Rendering: with
 * WORKER_URL and WORKER_SECRET set (e.g. `docker compose up -d postgres worker` with the
 * .env made from .env.example), the app wakes that worker; otherwise a local worker is
 * started as `npm run demo` does. Reads .env as next dev does (set variables win).
 */
import { config as loadDotenv } from 'dotenv'
import { randomBytes } from 'node:crypto'
import { execa } from 'execa'
import { freePort } from './lib/app-server'
import { installDemoClips, prepareLocalRun, startLocalRendering } from './lib/prepare-local-run'
import type { RunningWorker } from './lib/worker-process'

loadDotenv({ quiet: true })

async function main() {
  const port = Number(process.env.PORT ?? 3000)
  const log = (s: string) => console.log(`[dev] ${s}`)
  const { db, authSecret, seeded } = await prepareLocalRun(log)
  const external = process.env.WORKER_URL
  if (external && !process.env.WORKER_SECRET) throw new Error('WORKER_URL is set: set WORKER_SECRET to the worker\'s secret too')
  const workerPort = Number(process.env.WORKER_PORT ?? (await freePort()))
  const workerSecret = process.env.WORKER_SECRET ?? randomBytes(24).toString('base64url')
  const url = `http://localhost:${port}`
  const app = execa(process.execPath, ['node_modules/next/dist/bin/next', 'dev', '-p', String(port)], {
    env: {
      NEXT_TELEMETRY_DISABLED: '1', APP_URL: url, NEXTAUTH_URL: url,
      DATABASE_URL: db.url, AUTH_SECRET: authSecret, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      WORKER_URL: external ?? `http://127.0.0.1:${workerPort}`, WORKER_SECRET: workerSecret,
    },
    stdio: 'inherit', reject: false,
  })
  log(`${url} (demo accounts: ${seeded.seeded.join(', ')}; password ${seeded.password})`)
  let worker: RunningWorker | undefined
  let stopping = false
  if (external) {
    installDemoClips(db.url, log)
      .then(() => log(`rendering on ${external}`))
      .catch((e) => log(`the demo clips could not be installed: ${e instanceof Error ? e.message : e}`))
  } else {
    startLocalRendering({ dbUrl: db.url, port: workerPort, secret: workerSecret, log, stopping: () => stopping })
      .then((w) => { worker = w })
      .catch((e) => log(`the render worker could not start: ${e instanceof Error ? e.message : e}`))
  }
  const shutdown = async () => {
    stopping = true
    app.kill('SIGTERM')
    await worker?.stop().catch(() => {})
    await db.release().catch(() => {})
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  await app
  await shutdown()
}

main().catch((e) => {
  console.error('[dev] failed:', e instanceof Error ? e.message : e)
  process.exit(1)
})
