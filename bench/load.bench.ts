/**
 * npm run bench:load — issue 15's load targets on the production build, over loopback with
 * autocannon (each scenario BENCH_LOAD_SECONDS, default 10):
 *  a. the status read GET /api/choreographies/:id/status: max req/s (≥ 1,500) and p99 at a fixed
 *     300 req/s (≤ 50 ms);
 *  b. GET /api/moves?q=<varied words>: max req/s (≥ 400);
 *  c. POST /api/choreographies ≥ 20/s with no task lost (2xx answers = rows created, each with
 *     its own Idempotency-Key). No worker runs: the tasks stay QUEUED, which is what the web
 *     app's share of creation is;
 *  d. /api/health p99 at a fixed 300 req/s while 15-minute uploads are analysed (≤ 50 ms).
 * The measured instance runs as the image does: one server process per core (scripts/serve-web.mjs,
 * BENCH_LOAD_WORKERS overrides). A fixed rate is offered paced, open loop (load/measure-paced.ts);
 * "max" is autocannon's closed loop, and wrk's too where Debian's `wrk` is installed (both rows
 * judged, side by side; each row says its generator's CPU per request, since the generator
 * shares the cores). Baselines in the same run: /api/health/live (no database:
 * the stack's ceiling), the same reads with the session cache off (SESSION_CACHE_SECONDS=0) and
 * on a single server process (both "before").
 * The instances run on the Node release the images pin (scripts/lib/image-node.ts, fetched from the
 * npm registry when the machine runs another); where that differs from this machine's Node, one
 * more instance on the machine's Node (as many processes) is measured on the no-op route and the
 * status read, the "before" of the move to it (Node 20 → 24, session 14: ~30 % more answers per
 * core, Node 20's AsyncLocalStorage rides on promise hooks that every request pays for).
 * Measuring starts once the instances are idle (their start-up work done: load/process-cpu.ts).
 * Each row also has the server's CPU time per answer (from /proc): comparable across runs on a
 * shared machine, where req/s is not. Writes bench/results/load.json. The load average at start says how busy the machine was.
 * BENCH_NODE_OPTIONS passes node flags to the instances (e.g. --max-semi-space-size=32 to try a
 * bigger young generation). BENCH_LOAD_ONLY=status,moves runs only the scenarios whose names start so; BENCH_LOAD_PROFILE=dir
 * starts the cached instance with --cpu-prof (the profile lands in dir when it stops).
 * The instances log at warn; BENCH_LOG_LEVEL=info runs them at production's level (a line per
 * request, read by this process as a log driver would). Measured side by side (status reads,
 * session 10): wrk 1,363 req/s at warn, 1,368 at info, server CPU 1.27 / 1.26 ms an answer —
 * the request log costs nothing measurable here, so the default keeps this process's memory
 * free of millions of log lines.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildApp, freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { provideImageNode } from '@/scripts/lib/image-node'
import { provideDatabase } from '@/scripts/lib/database'
import { installDemoSongs, migrateDatabase, seedDatabase, setupModels } from '@/scripts/lib/prepare-database'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/prisma/demo-accounts'
import { measureCreation } from './load/measure-creation'
import { clean, printTable, scenarioRunner } from './load/runner'
import { CHOREOGRAPHY_REQUESTS, MOVE_QUERIES, TARGETS, cycle } from './load/scenarios'
import { whileAnalysing } from './load/while-analysing'
import { waitUntilIdle } from './load/process-cpu'

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10)
const MAX_CONNECTIONS = 50
const RATE_CONNECTIONS = 32
const DATA_DIR = path.resolve('.data/bench-load-storage')
const PROFILE_DIR = process.env.BENCH_LOAD_PROFILE
/** Server processes per instance, as the image runs (scripts/serve-web.mjs): one per core. */
const WORKERS = Number(process.env.BENCH_LOAD_WORKERS ?? os.availableParallelism())

const target = (app: RunningApp) => ({ url: app.url, pid: app.process.pid })

async function signIn(url: string): Promise<string> {
  const user = DEMO_ACCOUNTS.find((a) => a.role === 'USER')!
  const res = await fetch(`${url}/api/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`sign-in ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { accessToken: string }).accessToken
}

async function main() {
  const loadAverageAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100)
  const db = await provideDatabase({ fresh: true })
  const apps: RunningApp[] = []
  try {
    await migrateDatabase(db.url)
    await seedDatabase(db.url)
    await installDemoSongs(db.url, { DATA_DIR })
    await setupModels()
    await buildApp({ log: (s) => console.log(`[bench] ${s}`) })
    const env = {
      DATABASE_URL: db.url, AUTH_SECRET: 'b'.repeat(40), DATA_DIR, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      // The bench user's limits, raised for these instances only: one user creates hundreds of tasks.
      RATE_LIMIT_DISABLED: '1', USER_CONCURRENT_RENDERS: '1000', ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    }
    const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : []
    // Off linux-x64 there is no image build to fetch: the machine's Node, and the rows say so.
    const { path: node, version: nodeVersion } = await provideImageNode({ log: (s) => console.log(`[bench] ${s}`) }).catch((e: Error) => {
      console.log(`[bench] ${e.message}: measuring on this machine's Node only`)
      return { path: process.execPath, version: process.version }
    })
    const cached = await startApp({ port: await freePort(), env, nodeArgs, workers: WORKERS, node })
    apps.push(cached)
    const uncached = await startApp({ port: await freePort(), env: { ...env, SESSION_CACHE_SECONDS: '0' }, workers: WORKERS, node })
    apps.push(uncached)
    // "Before" for the one-process-per-core server: the same build as one process.
    const single = await startApp({ port: await freePort(), env, workers: 1, node })
    apps.push(single)
    // "Before" for the images' Node release: the machine's own, same build, same processes.
    const machine = node === process.execPath ? undefined : await startApp({ port: await freePort(), env, workers: WORKERS })
    if (machine) apps.push(machine)
    const settled = await waitUntilIdle(apps.map((a) => a.process.pid))
    console.log(`[bench] instances idle after ${Math.round(settled / 100) / 10} s (start-up work done)`)

    const auth = { authorization: `Bearer ${await signIn(cached.url)}` }
    const song = ((await (await fetch(`${cached.url}/api/songs?pageSize=1`, { headers: auth })).json()) as { items: { id: string }[] }).items[0]
    const made = await fetch(`${cached.url}/api/choreographies`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ songId: song.id, request: CHOREOGRAPHY_REQUESTS[0] }),
    })
    if (made.status !== 202) throw new Error(`create ${made.status}: ${await made.text()}`)
    const statusPath = `/api/choreographies/${((await made.json()) as { id: string }).id}/status`

    const runner = scenarioRunner({ seconds: SECONDS, only: process.env.BENCH_LOAD_ONLY?.split(',').filter(Boolean) })
    const { run } = runner
    const rate = TARGETS.fixedRate
    const measured = `${WORKERS} processes, session cache 3 s`
    const machineNode = `machine's Node ${process.version}`
    console.log(`[bench] instances on Node ${nodeVersion}${machine ? ` (the images' release); baseline on the machine's ${process.version}` : ''}`)
    const instances = [[cached, measured], [uncached, `${WORKERS} processes, session cache off`], [single, '1 process, session cache 3 s']] as const

    // The ceiling of the stack: no database, no session.
    await run('live max', target(cached), `ceiling, ${WORKERS} processes`, { path: '/api/health/live', connections: MAX_CONNECTIONS })
    await run('live max', target(single), 'ceiling, 1 process', { path: '/api/health/live', connections: MAX_CONNECTIONS })
    await run(`live @${rate}/s`, target(cached), `ceiling, ${WORKERS} processes`, { path: '/api/health/live', connections: RATE_CONNECTIONS, rate })
    if (machine) await run('live max', target(machine), `ceiling, ${WORKERS} processes, ${machineNode}`, { path: '/api/health/live', connections: MAX_CONNECTIONS })

    // a. The status read, with the session cache and without it ("before"); only the first judged.
    for (const [app, instance] of instances) {
      const judged = app === cached
      await run('status max', target(app), instance, { path: statusPath, headers: auth, connections: MAX_CONNECTIONS },
        judged ? (f) => ({ target: `≥ ${TARGETS.statusMaxReqPerSec} req/s`, pass: f.reqPerSec >= TARGETS.statusMaxReqPerSec && clean(f) }) : undefined)
      await run(`status @${rate}/s`, target(app), instance, { path: statusPath, headers: auth, connections: RATE_CONNECTIONS, rate },
        judged ? (f) => ({ target: `p99 ≤ ${TARGETS.statusP99AtRateMs} ms`, pass: f.latencyMs.p99 <= TARGETS.statusP99AtRateMs && clean(f) }) : undefined)
    }
    if (machine) await run('status max', target(machine), `${measured}, ${machineNode}`, { path: statusPath, headers: auth, connections: MAX_CONNECTIONS })

    // b. The moves search, a different query each request.
    const query = cycle(MOVE_QUERIES)
    for (const [app, instance] of instances) {
      await run('moves search max', target(app), instance, {
        path: '/api/moves?q=turn', headers: auth, connections: MAX_CONNECTIONS, next: () => ({ path: `/api/moves?q=${encodeURIComponent(query())}` }),
        paths: MOVE_QUERIES.map((q) => `/api/moves?q=${encodeURIComponent(q)}`),
      }, app === cached ? (f) => ({ target: `≥ ${TARGETS.movesMaxReqPerSec} req/s`, pass: f.reqPerSec >= TARGETS.movesMaxReqPerSec && clean(f) }) : undefined)
    }

    // c. Creation: every 2xx a row.
    await measureCreation({ runner, app: target(cached), instance: measured, databaseUrl: db.url, headers: auth, songId: song.id })

    // d. Readiness, idle and while 15-minute uploads are analysed (one at a time: cores − 1).
    await run(`health @${rate}/s idle`, target(cached), measured, { path: '/api/health', connections: RATE_CONNECTIONS, rate })
    if (runner.wanted('health')) {
      const { result: during, uploads } = await whileAnalysing(cached.url, auth, () => run(`health @${rate}/s during analysis`, target(cached), measured,
        { path: '/api/health', connections: RATE_CONNECTIONS, rate },
        (f) => ({ target: `p99 ≤ ${TARGETS.healthP99DuringAnalysisMs} ms`, pass: f.latencyMs.p99 <= TARGETS.healthP99DuringAnalysisMs && clean(f) })))
      // Silence has no beat: each analysed upload answers 422 after its analysis ran.
      if (during) during.note = `uploads of 15 minutes analysed back to back: ${uploads.map((u) => `${u.status} after ${u.seconds} s`).join(', ')} (the last answered after the run); its server CPU includes the analysis thread`
    }

    const result = { when: new Date().toISOString(), node: nodeVersion, baselineNode: machine ? process.version : undefined, loadAverageAtStart, cores: os.cpus().length, secondsPerScenario: SECONDS, rows: runner.rows }
    await mkdir('bench/results', { recursive: true })
    await writeFile('bench/results/load.json', JSON.stringify(result, null, 2))
    console.log(`\nload average at start: ${loadAverageAtStart.join(' ')} (${result.cores} cores), ${SECONDS} s per scenario`)
    printTable(runner.rows)
  } finally {
    for (const app of apps) await app.stop()
    await db.release()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
