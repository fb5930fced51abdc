/**
 * `npm test`: everything, on real parts.
 *  1. unit tests (pure code, ffmpeg)                      vitest tests/unit
 *  2. a fresh database (DATABASE_URL's server, or embedded PostgreSQL), migrated + seeded
 *  3. the production build, started on a free port
 *     with a real SMTP server on loopback that the app mails to (password reset)
 *  4. integration tests over real HTTP                    vitest tests/integration
 *     then the render worker's, which start real worker processes (worker-*, video-*)
 *  5. end-to-end tests in Debian chromium                 playwright e2e/
 * Prints one closing line "tests: N passed, N failed" and exits non-zero on any failure.
 * Args: --unit-only, --skip-unit, --skip-e2e (for local iteration; CI runs everything), and
 * file paths (tests/integration/x.test.ts, e2e/y.spec.ts): only those integration and e2e files
 * run, on the same fresh database, build, SMTP server and worker as the full run.
 */
import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { execa } from 'execa'
import { checkMediaTools } from '@/lib/engines/media/ffmpeg'
import { buildApp, freePort, startApp, type RunningApp } from './lib/app-server'
import { BrowserMissingError, findBrowser } from './lib/find-browser'
import { provideDatabase, type ProvidedDatabase } from './lib/database'
import { installDemoSongs, migrateDatabase, prepareE2eRendering, seedDatabase, setupModels } from './lib/prepare-database'
import { startSmtpSink, type RunningSmtpSink } from './lib/smtp-sink'
import { startWorker, type RunningWorker } from './lib/worker-process'

const argv = process.argv.slice(2)
const args = new Set(argv.filter((a) => a.startsWith('--')))
const files = argv.filter((a) => !a.startsWith('--'))
const chosen = (prefix: string) => files.filter((f) => f.startsWith(prefix))
/** With no files named, everything runs; otherwise a stage runs only for the files named in it. */
const runs = (prefix: string) => files.length === 0 || chosen(prefix).length > 0
const totals = { passed: 0, failed: 0, skipped: 0 }
const log = (s: string) => console.log(`\n[test] ${s}`)

async function vitest(dir: string, env: Record<string, string> = {}, extra: string[] = [], name = dir): Promise<boolean> {
  const out = `test-results/vitest-${name.replace(/\W+/g, '-')}.json`
  const r = await execa('npx', ['vitest', 'run', dir, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], {
    env, stdio: 'inherit', reject: false,
  })
  try {
    const j = JSON.parse(await readFile(out, 'utf8'))
    totals.passed += j.numPassedTests
    totals.failed += j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0)
    totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
  } catch {
    totals.failed += 1 // the runner itself failed before reporting
  }
  return r.exitCode === 0
}

async function playwright(env: Record<string, string>): Promise<boolean> {
  const out = 'test-results/playwright.json'
  const r = await execa('npx', ['playwright', 'test', ...chosen('e2e/')], {
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out }, stdio: 'inherit', reject: false,
  })
  try {
    const s = JSON.parse(await readFile(out, 'utf8')).stats
    totals.passed += s.expected + s.flaky
    totals.failed += s.unexpected
    totals.skipped += s.skipped
  } catch {
    totals.failed += 1
  }
  return r.exitCode === 0
}

/**
 * ffmpeg, ffprobe and (for the e2e stage) the browser, found before anything is built: a
 * missing one is one line naming what to install, not a failure minutes later.
 */
function findTools(): boolean {
  const { tools, notice, ok } = checkMediaTools()
  for (const t of tools) if (t.found) log(`${t.name}: ${t.path} (${t.source})`)
  if (notice) log(notice)
  if (!ok) return false
  // CI's bare-PATH stage pins the fallbacks it means to prove.
  const wrong = (want: string | undefined, got: string) => want !== undefined && want !== got
  if (tools.some((t) => t.found && wrong(process.env.EXPECT_MEDIA_SOURCE, t.source))) {
    log(`expected ffmpeg and ffprobe from ${process.env.EXPECT_MEDIA_SOURCE}`)
    return false
  }
  if (args.has('--unit-only') || args.has('--skip-e2e') || !runs('e2e/')) return true
  try {
    const browser = findBrowser() // kept in the environment for Playwright's processes
    log(`browser: ${browser.executablePath} (${browser.source})`)
    if (!wrong(process.env.EXPECT_BROWSER_SOURCE, browser.source)) return true
    log(`expected the browser from ${process.env.EXPECT_BROWSER_SOURCE}`)
    return false
  } catch (e) {
    if (!(e instanceof BrowserMissingError)) throw e
    log(e.message)
    return false
  }
}

async function main(): Promise<number> {
  await mkdir('test-results', { recursive: true })
  if (!findTools()) {
    totals.failed += 1
    return 1
  }
  let ok = true
  if (!args.has('--skip-unit')) {
    log('unit tests')
    ok = (await vitest('tests/unit')) && ok
  }
  if (args.has('--unit-only')) return ok ? 0 : 1

  let db: ProvidedDatabase | undefined
  let app: RunningApp | undefined
  let worker: RunningWorker | undefined
  let smtp: RunningSmtpSink | undefined
  let dataDir: string | undefined
  try {
    log('database: fresh, migrated, seeded')
    db = await provideDatabase({ fresh: true })
    await migrateDatabase(db.url)
    await seedDatabase(db.url)
    dataDir = path.resolve(`.data/test-storage/${path.basename(new URL(db.url).pathname)}`)
    log(await installDemoSongs(db.url, { DATA_DIR: dataDir }))
    await setupModels()
    log('building the app')
    await buildApp({ force: true })
    const authSecret = 'test-secret-' + 'x'.repeat(32)
    const port = await freePort()
    // The render worker tests start their workers on workerPort, where the app sends its wakes.
    const workerPort = await freePort()
    const workerSecret = 'test-worker-secret-' + 'y'.repeat(16)
    smtp = await startSmtpSink({ port: await freePort(), dir: `${dataDir}-mail` })
    app = await startApp({ port, env: {
      DATABASE_URL: db.url, AUTH_SECRET: authSecret, DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      WORKER_URL: `http://127.0.0.1:${workerPort}`, WORKER_SECRET: workerSecret,
      SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_USER: smtp.user, SMTP_PASSWORD: smtp.password,
      MAIL_FROM: 'Bachata Buddy <no-reply@test.bachata.buddy>',
      // As if behind one proxy: a test (tests/integration/http.ts) can then act as its own client
      // address through X-Forwarded-For. shared-limits.test.ts starts instances that trust none.
      TRUSTED_PROXY_HOPS: '1',
      // No worker renders during the integration stage, so tasks stay queued: the render quota
      // is tested on an instance of its own (tests/integration/quotas.test.ts).
      USER_CONCURRENT_RENDERS: '1000',
    } })
    const env = { TEST_APP_URL: app.url, DATABASE_URL: db.url, AUTH_SECRET: authSecret, DATA_DIR: dataDir, TEST_MAIL_DIR: smtp.dir }
    const isWorkerTest = (f: string) => /\/(worker|video)-[^/]*$/.test(f)
    const named = chosen('tests/integration/')
    if (files.length === 0 || named.some((f) => !isWorkerTest(f))) {
      log(`integration tests against ${app.url}`)
      const workerTests = ['tests/integration/worker-*.test.ts', 'tests/integration/video-*.test.ts']
      const dirs = files.length ? named.filter((f) => !isWorkerTest(f)) : ['tests/integration']
      ok = (await vitest(dirs[0], env, [...dirs.slice(1), ...workerTests.flatMap((g) => ['--exclude', g])])) && ok
    }
    if (files.length === 0 || named.some(isWorkerTest)) {
      // Then the render worker's tests, one file at a time and with no other test creating
      // tasks: each file starts, kills and restarts its own worker processes.
      log('render worker integration tests (real worker processes, one file at a time)')
      const dirs = files.length ? named.filter(isWorkerTest) : ['tests/integration/worker-', 'tests/integration/video-']
      ok = (await vitest(dirs[0], { ...env, WORKER_SECRET: workerSecret, TEST_WORKER_PORT: String(workerPort) },
        [...dirs.slice(1), '--no-file-parallelism'], 'tests/integration/worker')) && ok
    }
    if (!args.has('--skip-e2e') && runs('e2e/')) {
      // The dancer's flow renders real videos: the 12-clip demo subset in storage, only
      // those moves enabled, and a worker listening where the app sends its wakes.
      log('end-to-end tests (chromium), with a render worker')
      await prepareE2eRendering(db.url, dataDir)
      worker = await startWorker({ port: workerPort, env: {
        DATABASE_URL: db.url, DATA_DIR: dataDir, WORKER_SECRET: workerSecret, LOG_LEVEL: 'warn',
        WORKER_WORK_DIR: path.resolve('.data/test-work/e2e'), WORKER_CACHE_DIR: path.resolve('.data/test-cache/segments'),
      } })
      ok = (await playwright(env)) && ok
    }
  } finally {
    await worker?.stop().catch(() => {})
    await app?.stop().catch(() => {})
    await smtp?.stop().catch(() => {})
    await db?.release().catch(() => {})
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
    if (smtp) await rm(smtp.dir, { recursive: true, force: true })
  }
  return ok ? 0 : 1
}

main()
  .catch((e) => {
    console.error('[test] run failed:', e)
    totals.failed += 1
    return 1
  })
  .then((code) => {
    console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
    process.exit(totals.failed > 0 ? 1 : code)
  })
