import { existsSync } from 'node:fs'
import { readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RunningWorker } from '@/scripts/lib/worker-process'
import { api, registerAndSignIn } from './http'
import {
  cancelLeftoverTasks, createChoreography, DATA_DIR, ffmpegProcessesMentioning, jobsOf, prepareRenderLibrary, sql,
  startTestWorker, storage, taskRow, uploadDemoSong, waitForTask,
} from './worker-harness'

/**
 * The worker under faults, with real worker processes: killed mid-render, a clip gone from
 * storage, a user cancelling, a shutdown. Renders use a cold segment cache per test (a fresh
 * directory) so there is a render in progress to interrupt.
 */
let restoreLibrary: () => Promise<void>
let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let song: { id: string }
const workers: RunningWorker[] = []
let seed = 7000

beforeAll(async () => {
  await cancelLeftoverTasks()
  restoreLibrary = await prepareRenderLibrary()
  owner = await registerAndSignIn('faults-owner')
  song = await uploadDemoSong(owner.accessToken, 'Fault song')
}, 180_000)

afterEach(async () => {
  for (const w of workers.splice(0)) await w.killGroup().catch(() => {})
})

afterAll(async () => {
  await restoreLibrary?.()
  for (const dir of coldCaches) await rm(dir, { recursive: true, force: true })
})

async function worker(name: string, env: Record<string, string> = {}) {
  const w = await startTestWorker(name, { env })
  workers.push(w)
  return w
}

const coldCaches: string[] = []
const coldCache = (name: string) => {
  coldCaches.push(path.resolve(`.data/test-work/cache-${name}-${Date.now()}`))
  return { WORKER_CACHE_DIR: coldCaches[coldCaches.length - 1] }
}
const rendering = (t: { status: string; stage: string | null; progress: number }) =>
  t.status === 'RUNNING' && t.stage === 'segments' && t.progress > 12

/** Waits until `check` holds, polling; fails naming `what` if it never does within `timeoutMs`. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string | (() => Promise<string>)): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check());) {
    if (Date.now() > deadline) throw new Error(`never happened within ${timeoutMs / 1000} s: ${typeof what === 'string' ? what : await what()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function outputsFor(taskId: string) {
  const [{ hash }] = await sql<{ hash: string }>('SELECT hash FROM "Blueprint" WHERE "taskId" = $1', [taskId])
  const files = existsSync(path.join(DATA_DIR, 'outputs')) ? await readdir(path.join(DATA_DIR, 'outputs')) : []
  return { hash, files: files.filter((f) => f.includes(hash)) }
}

describe('render worker faults', () => {
  it('kill -9 mid-render: another worker process takes the job over and exactly one video results', async () => {
    const shared = { WORKER_WORK_DIR: path.resolve('.data/test-work/kill'), ...coldCache('kill') }
    const a = await worker('kill-a', shared)
    const task = await createChoreography(owner.accessToken, song.id, { seed: seed++, durationSeconds: 30 })
    await waitForTask(owner.accessToken, task.id, rendering, 60_000)
    expect((await taskRow(task.id)).leaseOwner).toMatch(/^test-kill-a-/)
    await a.killGroup() // the worker and its ffmpeg children die at once, as with a lost machine
    expect(existsSync(path.join(shared.WORKER_WORK_DIR, task.id))).toBe(true) // its temp files are left behind

    await worker('kill-b', shared)
    const done = await waitForTask(owner.accessToken, task.id, (t) => t.status !== 'RUNNING' && t.status !== 'QUEUED', 120_000)
    expect(done.status, JSON.stringify(done)).toBe('SUCCEEDED')
    const row = await taskRow(task.id)
    expect(row.attempts).toBe(2)
    expect(row.leaseOwner).toBeNull()
    const { hash, files } = await outputsFor(task.id)
    expect(files).toEqual([`${hash}.mp4`]) // one object, no partial upload next to it
    expect(await storage.head(`posters/${hash}.jpg`)).not.toBeNull()
    const jobs = await jobsOf(task.id)
    expect(jobs.map((j) => [j.state, j.retry_count])).toEqual([['completed', 1]])
    // The taker-over cleared the dead worker's temp files for this task and its own.
    expect(existsSync(path.join(shared.WORKER_WORK_DIR, task.id))).toBe(false)
  }, 180_000)

  it('a clip missing from storage: FAILED at once with a readable reason, one attempt, no retries', async () => {
    const task = await createChoreography(owner.accessToken, song.id, { seed: seed++, durationSeconds: 16 })
    const clipKey = task.blueprint.moves[0].clipKey
    const file = path.join(DATA_DIR, clipKey)
    await rename(file, `${file}.away`)
    try {
      await worker('missing')
      const done = await waitForTask(owner.accessToken, task.id, (t) => t.status === 'FAILED' || t.status === 'SUCCEEDED', 60_000)
      expect(done.status).toBe('FAILED')
      expect(done.error).toContain(`clip missing: ${clipKey}`)
      expect(done.error).toMatch(/^The video could not be rendered/)
      expect((await taskRow(task.id)).attempts).toBe(1)
      await new Promise((r) => setTimeout(r, 3000)) // a retry would have happened by now
      const jobs = await jobsOf(task.id)
      expect(jobs.filter((j) => j.name === 'render').map((j) => [j.state, j.retry_count])).toEqual([['failed', 0]])
      expect((await taskRow(task.id)).attempts).toBe(1)
      expect(done.videoUrl).toBeNull()
    } finally {
      await rename(`${file}.away`, file)
    }
  }, 90_000)

  it('cancel while running: CANCELLED, the render stopped unfinished (ffmpeg gone, temp dir gone), and the worker carries on', async () => {
    const env = { WORKER_WORK_DIR: path.resolve('.data/test-work/cancel'), ...coldCache('cancel'), WORKER_HEARTBEAT_SECONDS: '5' }
    const w = await worker('cancel', env)
    // 90 s of video, so the render is still far from done when the cancel arrives.
    const task = await createChoreography(owner.accessToken, song.id, { seed: seed++, durationSeconds: 90 })
    await waitForTask(owner.accessToken, task.id, rendering, 60_000)
    const taskDir = path.join(env.WORKER_WORK_DIR, task.id)
    expect(existsSync(taskDir)).toBe(true)
    // Segments are encoded into the (cold, this test's own) cache dir, other steps in the temp dir.
    const renderingFfmpeg = async () => (await ffmpegProcessesMentioning(taskDir)) + (await ffmpegProcessesMentioning(env.WORKER_CACHE_DIR))
    await eventually(async () => (await renderingFfmpeg()) > 0, 30_000, 'ffmpeg is encoding for the render')
    const res = await api('POST', `/api/choreographies/${task.id}/cancel`, { token: owner.accessToken })
    expect(res.status).toBe(200)
    expect(res.body.task.status).toBe('CANCELLED')
    // The worker sees it (the app's wake asks for a heartbeat at once) and stops. How soon is not
    // the claim here: the deadlines are generous, what must happen is that it stops.
    await eventually(() => w.output().includes('render stopped: task ended elsewhere'), 60_000, 'the worker reports the render stopped')
    await eventually(async () => (await renderingFfmpeg()) === 0, 30_000, 'its ffmpeg processes are gone')
    await eventually(() => !existsSync(taskDir), 30_000, 'its temp dir is removed')
    // Stopped, not finished and then discarded: no finished render, no video for this blueprint.
    expect(w.output()).not.toContain('render finished')
    expect((await outputsFor(task.id)).files).toEqual([])
    // The job ends completed (the worker settles it just after the temp dir goes), never retried.
    const jobStates = async () => (await jobsOf(task.id)).map((j) => `${j.state}/${j.retry_count}`).join(',')
    await eventually(async () => (await jobStates()) === 'completed/0', 30_000,
      async () => `the render job is completed (is ${await jobStates()}); worker said:\n${w.output().slice(-3000)}`)
    expect((await taskRow(task.id)).status).toBe('CANCELLED') // never overwritten by the dying render

    const next = await createChoreography(owner.accessToken, song.id, { seed: seed++, durationSeconds: 16 })
    expect((await waitForTask(owner.accessToken, next.id, (t) => t.status === 'SUCCEEDED' || t.status === 'FAILED', 90_000)).status).toBe('SUCCEEDED')
  }, 240_000)

  it('SIGTERM past the grace period: the render is released without using an attempt, and the next worker finishes it', async () => {
    const env = { ...coldCache('sigterm'), WORKER_SHUTDOWN_GRACE_SECONDS: '1' }
    const a = await worker('sigterm-a', env)
    // 90 s of video: a 30 s render could finish inside the 1 s grace (seen in CI: 2.5 s cold).
    const task = await createChoreography(owner.accessToken, song.id, { seed: seed++, durationSeconds: 90 })
    await waitForTask(owner.accessToken, task.id, rendering, 60_000)
    const stopped = Date.now()
    expect(await a.stop('SIGTERM')).toBe(0)
    expect(Date.now() - stopped).toBeLessThan(8000)
    expect(a.output()).toContain('render released on shutdown')
    const row = await taskRow(task.id)
    expect(row).toMatchObject({ status: 'RUNNING', leaseOwner: null, attempts: 1 })
    expect((await jobsOf(task.id)).map((j) => [j.state, j.retry_count])).toEqual([['created', 0]])

    await worker('sigterm-b', env)
    const done = await waitForTask(owner.accessToken, task.id, (t) => t.status === 'SUCCEEDED' || t.status === 'FAILED', 120_000)
    expect(done.status).toBe('SUCCEEDED')
    expect((await jobsOf(task.id)).map((j) => [j.state, j.retry_count])).toEqual([['completed', 0]])
  }, 180_000)

  it('a task whose enqueue was lost is found by the reconciler and rendered', async () => {
    const task = await createChoreography(owner.accessToken, song.id, { seed: seed++, durationSeconds: 16 })
    // A lost enqueue: the task row is committed but no job exists (no worker runs yet).
    const deleted = await sql(`DELETE FROM pgboss.job WHERE data->>'taskId' = $1 RETURNING id`, [task.id])
    expect(deleted).toHaveLength(1)
    const w = await worker('orphan')
    const done = await waitForTask(owner.accessToken, task.id, (t) => t.status === 'SUCCEEDED' || t.status === 'FAILED', 90_000)
    expect(done.status).toBe('SUCCEEDED')
    expect(w.output()).toContain('re-enqueued a task that had no render job')
  }, 120_000)

  it('the worker lost on the last attempt: the job is dead-lettered and the task FAILED with a reason', async () => {
    const env = { RENDER_ATTEMPTS: '1', ...coldCache('dead') }
    const a = await worker('dead-a', env)
    const task = await createChoreography(owner.accessToken, song.id, { seed: seed++, durationSeconds: 30 })
    await waitForTask(owner.accessToken, task.id, rendering, 60_000)
    await a.killGroup()
    await worker('dead-b', env)
    const done = await waitForTask(owner.accessToken, task.id, (t) => t.status === 'FAILED' || t.status === 'SUCCEEDED', 60_000)
    expect(done.status).toBe('FAILED')
    expect(done.error).toBe('The video could not be rendered: the render worker stopped responding or timed out on its last attempt')
    const jobs = await jobsOf(task.id)
    expect(jobs.map((j) => [j.name, j.state])).toEqual([['render', 'failed'], ['render-dead', 'completed']])
    expect((await taskRow(task.id)).attempts).toBe(1)
  }, 120_000)

  it('WORKER_CONCURRENCY=2 renders two tasks at once in one process', async () => {
    const w = await worker('pair', { WORKER_CONCURRENCY: '2', ...coldCache('pair') })
    const ids = [
      (await createChoreography(owner.accessToken, song.id, { seed: seed++, durationSeconds: 24 })).id,
      (await createChoreography(owner.accessToken, song.id, { seed: seed++, durationSeconds: 24 })).id,
    ]
    let together = false
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline) {
      const rows = await sql<{ status: string; leaseOwner: string | null }>(
        'SELECT status, "leaseOwner" FROM "ChoreographyTask" WHERE id = ANY($1)', [ids])
      if (rows.every((r) => r.status === 'RUNNING' && r.leaseOwner?.startsWith('test-pair-'))) together = true
      if (rows.every((r) => r.status === 'SUCCEEDED' || r.status === 'FAILED')) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(together).toBe(true)
    for (const id of ids) expect((await taskRow(id)).status).toBe('SUCCEEDED')
    expect(w.output()).not.toContain('worker slot error')
  }, 120_000)
})
