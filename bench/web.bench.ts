/**
 * npm run bench:web — the dancer's web budgets (issue 12), in Debian's Chromium against the
 * production build with a real render worker:
 *  - first-load JS per route (the dancer's and the instructor's admin pages), gzip (sum of
 *    every script the page loads), ≤ 180 kB;
 *  - the practise page: navigation → a playable video (readyState ≥ 3), ≤ 1.5 s, side by side
 *    with the same video opened bare (the browser's own player: the floor);
 *  - count-overlay drift over a 3-minute video: on every presented frame (rVFC), the count the
 *    blueprint gives for that frame's media time against what the overlay shows one animation
 *    frame later, in frames; ≤ 1.
 * Writes bench/results/web.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import { buildApp, freePort, startApp } from '@/scripts/lib/app-server'
import { provideDatabase } from '@/scripts/lib/database'
import { installDemoSongs, migrateDatabase, prepareE2eRendering, seedDatabase, setupModels } from '@/scripts/lib/prepare-database'
import { startWorker } from '@/scripts/lib/worker-process'
import { findBrowser } from '@/scripts/lib/find-browser'
import { median } from '@/lib/shared/numbers'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/prisma/demo-accounts'
import { THREE_MINUTE_SONG_SPEC } from '@/scripts/demo/songs/demo-song-spec'
import { writeDemoSongs } from '@/scripts/demo/songs/write-demo-songs'

const VIDEO_SECONDS = Number(process.env.BENCH_VIDEO_SECONDS ?? 180)
const BUDGET = { firstLoadKbGzip: 180, playableMs: 1500, driftFrames: 1 }

async function firstLoadJs(page: Page, url: string): Promise<number> {
  const scripts = new Map<string, number>()
  const onResponse = async (res: import('@playwright/test').Response) => {
    if (res.request().resourceType() !== 'script') return
    try { scripts.set(res.url(), gzipSync(await res.body()).length) } catch { /* redirects have no body */ }
  }
  page.on('response', onResponse)
  await page.goto(url, { waitUntil: 'networkidle' })
  page.off('response', onResponse)
  return [...scripts.values()].reduce((a, b) => a + b, 0) / 1024
}

async function main() {
  const db = await provideDatabase({ fresh: true })
  const dataDir = path.resolve('.data/bench-web-storage')
  await migrateDatabase(db.url)
  await seedDatabase(db.url)
  await installDemoSongs(db.url, { DATA_DIR: dataDir })
  await setupModels()
  await buildApp()
  await prepareE2eRendering(db.url, dataDir)
  const workerPort = await freePort()
  const secret = 'bench-worker-secret-' + 'z'.repeat(16)
  const app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: db.url, AUTH_SECRET: 'b'.repeat(40), DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_DISABLED: '1',
    WORKER_URL: `http://127.0.0.1:${workerPort}`, WORKER_SECRET: secret,
  } })
  const worker = await startWorker({ port: workerPort, env: { DATABASE_URL: db.url, DATA_DIR: dataDir, WORKER_SECRET: secret, LOG_LEVEL: 'warn' } })
  const browser = await chromium.launch({ ...findBrowser().launch, args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'] })
  try {
    const ctx = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 800 } })
    // page.request sends the browser's cookies but no Origin, which signed-in writes need.
    const headers = { origin: new URL(app.url).origin }
    // tsx compiles the page.evaluate callbacks below with esbuild's keepNames, which wraps named
    // inner functions in __name(): give the page that helper (a string, so nothing wraps it).
    await ctx.addInitScript({ content: 'globalThis.__name = (f) => f' })
    const page = await ctx.newPage()
    await page.goto('/sign-up')
    await page.getByLabel('Name').fill('Bench')
    await page.getByLabel('Email').fill(`bench-${Date.now()}@bench.bachata.buddy`)
    await page.getByLabel('Password').fill('bench-password-123')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(/\/home$/)

    // The demo songs are about two minutes: the 3-minute video needs a 3-minute song, uploaded
    // as a dancer would.
    const [long] = await writeDemoSongs({ outDir: '.data/demo-songs-bench', specs: [THREE_MINUTE_SONG_SPEC], mp3: false })
    const up = await page.request.post('/api/songs', {
      multipart: { title: 'Three minutes', file: { name: 'three-minutes.wav', mimeType: 'audio/wav', buffer: await readFile(long.wav) } },
      timeout: 120_000, headers,
    })
    if (up.status() !== 202) throw new Error(`upload ${up.status()}: ${await up.text()}`)
    const song = (await up.json()).song as { id: string; durationSeconds: number }
    // The upload answers before the beat analysis: a choreography needs it done.
    while ((await (await page.request.get(`/api/songs/${song.id}/analysis`)).json()).analysisStatus === 'analysing') await page.waitForTimeout(500)
    const made = await (await page.request.post('/api/choreographies', { data: { songId: song.id, params: { durationSeconds: Math.min(VIDEO_SECONDS, Math.floor(song.durationSeconds) - 5) } }, headers })).json()
    const id = made.id as string
    const deadline = Date.now() + 600_000
    let task: { status: string; blueprint: { start: number; moves: { beatTimes: number[] }[]; countIn?: { beatTimes: number[]; calls: number[] } | null } } = made.task
    while (Date.now() < deadline) {
      task = (await (await page.request.get(`/api/choreographies/${id}`)).json()).task
      if (task.status === 'SUCCEEDED' || task.status === 'FAILED') break
      await page.waitForTimeout(1000)
    }
    if (task.status !== 'SUCCEEDED') throw new Error(`render ${task.status}`)
    const coll = (await (await page.request.post('/api/collections', { data: { name: 'Bench' }, headers })).json()).collection.id
    const share = (await (await page.request.post(`/api/choreographies/${id}/share`, { data: {}, headers })).json()).link.path

    const routes = ['/', '/sign-in', '/sign-up', '/home', '/generate', '/choreographies', '/moves', '/collections', `/collections/${coll}`, `/choreographies/${id}`, share]
    const firstLoad: Record<string, number> = {}
    for (const r of routes) {
      const fresh = await ctx.newPage() // a cold page per route, cookies kept
      const label = r.replace(id, ':id').replace(coll, ':id').replace(/\/s\/.+$/, '/s/:token')
      firstLoad[label] = Math.round((await firstLoadJs(fresh, r)) * 10) / 10
      await fresh.close()
    }
    // The instructor's admin pages, under the same budget, signed in as the demo instructor.
    const staff = await browser.newContext({ baseURL: app.url })
    await staff.addInitScript({ content: 'globalThis.__name = (f) => f' })
    const sp = await staff.newPage()
    await sp.goto('/sign-in')
    await sp.getByLabel('Email').fill(DEMO_ACCOUNTS.find((a) => a.role === 'INSTRUCTOR')!.email)
    await sp.getByLabel('Password').fill(DEMO_PASSWORD)
    await sp.getByRole('button', { name: 'Sign in' }).click()
    await sp.waitForURL(/\/home$/)
    const publicSong = ((await (await sp.request.get('/api/songs?pageSize=1')).json()).items[0] as { id: string }).id
    const anyMove = ((await (await sp.request.get('/api/moves?pageSize=1')).json()).items[0] as { id: string }).id
    const plan = ((await (await sp.request.post('/api/class-plans', { data: { title: 'Bench plan' }, headers })).json()).plan as { id: string }).id
    const adminRoutes = ['/admin', '/admin/moves', '/admin/moves/new', `/admin/moves/${anyMove}`, '/admin/songs', `/admin/songs/${publicSong}`,
      '/admin/plans', `/admin/plans/${plan}`, `/admin/plans/${plan}/print`, '/admin/stats']
    for (const r of adminRoutes) {
      const fresh = await staff.newPage()
      const label = r.replace(anyMove, ':id').replace(publicSong, ':id').replace(plan, ':id')
      firstLoad[label] = Math.round((await firstLoadJs(fresh, r)) * 10) / 10
      await fresh.close()
    }
    await staff.close()

    // Time to a playable video: the practise page against the bare video (same server, same file).
    const playable = async (url: string, bare: boolean) => {
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        const p = await ctx.newPage()
        await p.goto(url, { waitUntil: 'commit' })
        const ms = await p.evaluate(async (isBare) => {
          const find = () => (isBare ? document.querySelector('video') : document.querySelector('[data-testid="practice-video"]')) as HTMLVideoElement | null
          for (;;) {
            const v = find()
            if (v && v.readyState >= 3) return performance.now()
            await new Promise((r) => setTimeout(r, 10))
          }
        }, bare)
        times.push(ms)
        await p.close()
      }
      return Math.round(median(times))
    }
    const playableMs = await playable(`/choreographies/${id}`, false)
    const bareMs = await playable(`/api/choreographies/${id}/video`, true)

    // Drift: play the whole video and compare, frame by frame.
    const p = await ctx.newPage()
    await p.goto(`/choreographies/${id}`)
    const moves = task.blueprint.moves
    const drift = await p.evaluate(async ({ moves, start, countIn }) => {
      const v = document.querySelector('[data-testid="practice-video"]') as HTMLVideoElement & { requestVideoFrameCallback: (cb: (n: number, m: { mediaTime: number; presentedFrames: number }) => void) => number }
      const overlay = document.querySelector('[data-testid="count-overlay"]') as HTMLElement
      // The count-in's calls first (5 6 7 8 before the first move), then each move's 1–8.
      const beats = [
        ...(countIn ? countIn.beatTimes.slice(0, -1).map((t, k) => ({ t, count: countIn.calls[k] })) : []),
        ...moves.flatMap((m) => m.beatTimes.slice(0, -1).map((t, k) => ({ t, count: (k % 8) + 1 }))),
      ]
      const truth = (songTime: number) => { let c = 1; for (const b of beats) if (b.t <= songTime + 1e-6) c = b.count; return c }
      let lagFrames = 0, maxLag = 0, mismatched = 0, total = 0
      await new Promise<void>((resolve) => {
        const onFrame = (_: number, meta: { mediaTime: number }) => {
          const expected = truth(start + meta.mediaTime)
          requestAnimationFrame(() => requestAnimationFrame(() => {
            total++
            if (Number(overlay.dataset.count) !== expected) { mismatched++; lagFrames++; maxLag = Math.max(maxLag, lagFrames) } else lagFrames = 0
          }))
          if (!v.ended) v.requestVideoFrameCallback(onFrame)
        }
        v.requestVideoFrameCallback(onFrame)
        v.addEventListener('ended', () => setTimeout(resolve, 200), { once: true })
        void v.play()
      })
      return { frames: total, mismatched, maxConsecutiveFramesBehind: maxLag, seconds: v.duration }
    }, { moves, start: task.blueprint.countIn?.beatTimes[0] ?? task.blueprint.start, countIn: task.blueprint.countIn ?? null })

    const result = {
      when: new Date().toISOString(), budget: BUDGET,
      firstLoadJsKbGzip: firstLoad,
      firstLoadWithinBudget: Object.values(firstLoad).every((k) => k <= BUDGET.firstLoadKbGzip),
      playable: { practisePageMs: playableMs, bareVideoMs: bareMs, withinBudget: playableMs <= BUDGET.playableMs },
      overlayDrift: { ...drift, withinBudget: drift.maxConsecutiveFramesBehind <= BUDGET.driftFrames },
    }
    await mkdir('bench/results', { recursive: true })
    await writeFile('bench/results/web.json', JSON.stringify(result, null, 2))
    console.log(JSON.stringify(result, null, 2))
  } finally {
    await browser.close()
    await worker.stop().catch(() => {})
    await app.stop().catch(() => {})
    await db.release().catch(() => {})
  }
}

main().catch((e) => {
  console.error('[bench:web] failed:', e instanceof Error ? e.message : e)
  process.exit(1)
})
