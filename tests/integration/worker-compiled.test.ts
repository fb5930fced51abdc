import { realpathSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ffmpegPath, ffprobePath } from '@/lib/engines/media/ffmpeg'
import { buildWorker } from '@/scripts/build-worker'
import { processBinary } from '@/scripts/lib/child-processes'
import { copyPackageClosure, packagesImagesOmit } from '@/scripts/lib/package-closure'
import type { RunningWorker } from '@/scripts/lib/worker-process'
import { registerAndSignIn } from './http'
import {
  cancelLeftoverTasks, createChoreography, DATABASE_URL, jobsOf, prepareRenderLibrary, sql, startTestWorker, taskRow,
  uploadDemoSong, WORKER_SECRET,
} from './worker-harness'

/**
 * The worker as its image runs it: scripts/build-worker.ts's bundle with only the packages it
 * loads (the closure copy the Dockerfile makes), started by plain node (no tsx), in request
 * mode (App Runner's): it never polls, renders inside the wake request, releases a render
 * its budget cannot hold, and lets its database connections close when idle.
 * IMAGE_NODE (CI's image step: the release the Dockerfile pins) runs it on that node binary.
 */
const IMAGE_DIR = path.resolve('.data/test-worker-image')
const APP_NAME = `bb-compiled-${process.pid}`
let restoreLibrary: () => Promise<void>
let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let song: { id: string }
const workers: RunningWorker[] = []

async function startCompiled(name: string, env: Record<string, string>): Promise<RunningWorker> {
  const worker = await startTestWorker(name, {
    args: ['dist/worker/main.js'], cwd: IMAGE_DIR, node: process.env.IMAGE_NODE || undefined,
    env: {
      // The image uses Debian's ffmpeg on PATH; here, whatever this machine's tests run on.
      FFMPEG_PATH: ffmpegPath(), FFPROBE_PATH: ffprobePath(),
      // Its connections carry this name (both pools take it from the URL), to be counted.
      DATABASE_URL: `${DATABASE_URL}${DATABASE_URL.includes('?') ? '&' : '?'}application_name=${APP_NAME}`,
      WORKER_MODE: 'request', WORKER_POLL_SECONDS: '1', WORKER_REAP_SECONDS: '1',
      ...env,
    },
  })
  workers.push(worker)
  return worker
}

const wake = async (worker: RunningWorker) => {
  const res = await fetch(`${worker.url}/jobs/wake`, { method: 'POST', headers: { 'x-worker-secret': WORKER_SECRET } })
  return { status: res.status, body: await res.json() as { processed: number; more: boolean; budgetSpent: boolean } }
}
const connections = async () =>
  Number((await sql<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [APP_NAME]))[0].n)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  await rm(IMAGE_DIR, { recursive: true, force: true })
  await mkdir(IMAGE_DIR, { recursive: true })
  const { packages } = await buildWorker(path.join(IMAGE_DIR, 'dist/worker'))
  copyPackageClosure({ root: '.', out: IMAGE_DIR, packages, exclude: packagesImagesOmit('.') })
  await cancelLeftoverTasks()
  restoreLibrary = await prepareRenderLibrary()
  owner = await registerAndSignIn('compiled-worker')
  song = await uploadDemoSong(owner.accessToken, 'Compiled worker (demo) — Test')
}, 240_000)

afterAll(async () => {
  for (const w of workers) await w.stop().catch(() => {})
  await restoreLibrary?.()
  await rm(IMAGE_DIR, { recursive: true, force: true })
})

describe('the compiled worker in request mode', () => {
  it('never polls: a queued task waits for a wake, then is rendered inside the wake request', async () => {
    // Not on the port the app wakes: only this test wakes it.
    const worker = await startCompiled('compiled', { WORKER_REQUEST_BUDGET_SECONDS: '120' })
    // On the node binary it was given: the image's release when CI's image step sets IMAGE_NODE.
    if (process.platform === 'linux') expect(processBinary(worker.pid)).toBe(realpathSync(process.env.IMAGE_NODE || process.execPath))
    await wake(worker) // jobs of tasks other files left behind (cancelled) are settled first
    const task = await createChoreography(owner.accessToken, song.id, { seed: 9101, durationSeconds: 16 })
    await sleep(3_000) // three poll intervals, had it polled
    expect((await taskRow(task.id)).status).toBe('QUEUED')

    const res = await wake(worker)
    expect(res).toEqual({ status: 200, body: { processed: 1, more: false, budgetSpent: false } })
    // Done when the answer came: the render ran inside the request.
    const row = await taskRow(task.id)
    expect(row).toMatchObject({ status: 'SUCCEEDED', attempts: 1, error: null })
    expect(row.outputKey).toMatch(/^outputs\//)
  }, 180_000)

  it('releases a render its budget cannot hold (no attempt used) and says to wake again', async () => {
    // A cold segment cache and a 2 s budget for a minute and a half of video.
    const short = await startCompiled('compiled-short', {
      WORKER_REQUEST_BUDGET_SECONDS: '2', WORKER_CACHE_DIR: path.resolve(`.data/test-cache/compiled-${Date.now()}`),
    })
    const task = await createChoreography(owner.accessToken, song.id, { seed: 9102, durationSeconds: 90 })
    const res = await wake(short)
    expect(res).toEqual({ status: 200, body: { processed: 1, more: true, budgetSpent: true } })
    // Released as on SIGTERM: no lease, the job back in the queue with no retry counted (a
    // task never moves back to QUEUED; its stage says queued).
    expect(await taskRow(task.id)).toMatchObject({ status: 'RUNNING', leaseOwner: null, attempts: 1 })
    expect((await jobsOf(task.id)).map((j) => [j.state, j.retry_count])).toEqual([['created', 0]])

    // The next wake (with room) picks it up again and finishes it.
    const roomy = workers[0]
    expect(await wake(roomy)).toEqual({ status: 200, body: { processed: 1, more: false, budgetSpent: false } })
    expect(await taskRow(task.id)).toMatchObject({ status: 'SUCCEEDED', error: null })
    expect((await jobsOf(task.id)).map((j) => [j.state, j.retry_count])).toEqual([['completed', 0]])
  }, 240_000)

  it('holds no database connection while idle, and opens none until the next wake', async () => {
    const deadline = Date.now() + 40_000
    while ((await connections()) > 0 && Date.now() < deadline) await sleep(500)
    expect(await connections()).toBe(0)
    for (let i = 0; i < 6; i++) {
      await sleep(500)
      expect(await connections()).toBe(0)
    }
    // Liveness answers without the database (what the platform's health check calls).
    const live = await fetch(`${workers[0].url}/health/live`)
    expect(live.status).toBe(200)
    expect(await live.json()).toMatchObject({ ok: true, mode: 'request' })
    expect(await connections()).toBe(0)
  }, 60_000)
})
