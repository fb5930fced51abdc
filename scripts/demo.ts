/**
 * `npm run demo`: the whole product on this machine. Uses DATABASE_URL when set, else an
 * embedded PostgreSQL in ./.data/pg; migrates, seeds the demo accounts, builds if needed,
 * installs the demo songs as public songs with their analysis, and serves on
 * http://localhost:3000 (PORT to change). Then it installs the demo move clips
 * into storage (generated once, cached in .data/demo-library) and starts the render worker.
 */
import { randomBytes } from 'node:crypto'
import { buildApp, freePort, startApp } from './lib/app-server'
import { prepareLocalRun, startLocalRendering } from './lib/prepare-local-run'
import type { RunningWorker } from './lib/worker-process'

async function main() {
  const port = Number(process.env.PORT ?? 3000)
  const log = (s: string) => console.log(`[demo] ${s}`)
  const { db, authSecret, seeded } = await prepareLocalRun(log)
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
  let worker: RunningWorker | undefined
  let stopping = false
  startLocalRendering({ dbUrl: db.url, port: workerPort, secret: workerSecret, log, stopping: () => stopping })
    .then((w) => { worker = w })
    .catch((e) => log(`the render worker could not start: ${e instanceof Error ? e.message : e}`))
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
