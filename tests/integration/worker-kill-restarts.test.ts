import { existsSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningWorker } from '@/scripts/lib/worker-process'
import { registerAndSignIn } from './http'
import {
  cancelLeftoverTasks, createChoreography, DATA_DIR, jobsOf, prepareRenderLibrary, sql, startTestWorker, storage, uploadDemoSong,
} from './worker-harness'

/**
 * Several renders queued and the worker process killed -9 (with its ffmpeg children) in the
 * middle of them, twice, a new one started each time: the queue must still finish every task
 * exactly once — one SUCCEEDED state, one output object, one render job, the attempts counted.
 * A cold segment cache makes each render slow enough to be caught in the middle.
 */
const TASKS = 4
const KILLS = 2
let restoreLibrary: () => Promise<void>
let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let song: { id: string }
const workers: RunningWorker[] = []
const cacheDir = path.resolve(`.data/test-work/cache-kill-restarts-${Date.now()}`)

beforeAll(async () => {
  await cancelLeftoverTasks()
  restoreLibrary = await prepareRenderLibrary()
  owner = await registerAndSignIn('kill-restarts')
  song = await uploadDemoSong(owner.accessToken, 'Kill restarts song')
}, 180_000)

afterAll(async () => {
  for (const w of workers) await w.killGroup().catch(() => {})
  await restoreLibrary?.()
  await rm(cacheDir, { recursive: true, force: true })
})

const env = { WORKER_WORK_DIR: path.resolve('.data/test-work/kill-restarts'), WORKER_CACHE_DIR: cacheDir }

async function rows(ids: string[]) {
  return sql<{ id: string; status: string; stage: string | null; progress: number; attempts: number; leaseOwner: string | null; outputKey: string | null }>(
    'SELECT id, status, stage, progress, attempts, "leaseOwner", "outputKey" FROM "ChoreographyTask" WHERE id = ANY($1)', [ids])
}

/** Waits until the named worker is in the middle of rendering one of the tasks; returns its id.
 * (A dead worker's task stays RUNNING under its old lease owner until the lease expires.) */
async function midRender(ids: string[], name: string, timeoutMs = 60_000): Promise<string | null> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const now = await rows(ids)
    const mine = now.find((r) => r.status === 'RUNNING' && r.stage === 'segments' && r.progress > 12 && r.leaseOwner?.startsWith(`test-${name}-`))
    if (mine) return mine.id
    await new Promise((r) => setTimeout(r, 100))
  }
  return null
}

describe('render worker killed and restarted during renders', () => {
  it(`${TASKS} tasks, the worker killed -9 ${KILLS} times mid-render: every task SUCCEEDED exactly once`, async () => {
    const ids: string[] = []
    for (let i = 0; i < TASKS; i++) ids.push((await createChoreography(owner.accessToken, song.id, { seed: 9100 + i, durationSeconds: 30 })).id)
    const started = Date.now()
    const interrupted: string[] = []
    for (let k = 0; k <= KILLS; k++) {
      const name = `kill-restarts-${k}`
      const w = await startTestWorker(name, { env })
      workers.push(w)
      if (k === KILLS) break
      const victim = await midRender(ids, name)
      expect(victim, 'the worker never got into the middle of a render').not.toBeNull()
      interrupted.push(victim!)
      await w.killGroup()
    }
    // The last worker takes the dead ones' renders over (once their leases expire) and finishes the queue.
    const deadline = Date.now() + 100_000
    let last = await rows(ids)
    while (Date.now() < deadline && last.some((r) => r.status === 'QUEUED' || r.status === 'RUNNING')) {
      await new Promise((r) => setTimeout(r, 250))
      last = await rows(ids)
    }
    const recoverySeconds = (Date.now() - started) / 1000
    console.log(`[fault-worker] ${TASKS} tasks, ${KILLS} kills (interrupted ${interrupted.length}), all done ${recoverySeconds.toFixed(1)} s after queueing; attempts ${JSON.stringify(last.map((r) => r.attempts))}`)

    expect(last.map((r) => r.status)).toEqual(Array(TASKS).fill('SUCCEEDED'))
    for (const r of last) expect(r.leaseOwner).toBeNull()
    // Each interrupted render took another attempt; the others one.
    for (const r of last) expect(r.attempts, r.id).toBe(interrupted.filter((id) => id === r.id).length + 1)

    const outputs = existsSync(path.join(DATA_DIR, 'outputs')) ? await readdir(path.join(DATA_DIR, 'outputs')) : []
    const hashes = await sql<{ taskId: string; hash: string }>('SELECT "taskId", hash FROM "Blueprint" WHERE "taskId" = ANY($1)', [ids])
    expect(new Set(hashes.map((h) => h.hash)).size).toBe(TASKS)
    for (const { taskId, hash } of hashes) {
      // One object per task, no partial upload beside it; its poster; the task points at it.
      expect(outputs.filter((f) => f.includes(hash))).toEqual([`${hash}.mp4`])
      expect(await storage.head(`posters/${hash}.jpg`)).not.toBeNull()
      expect(last.find((r) => r.id === taskId)!.outputKey).toBe(`outputs/${hash}.mp4`)
      // One render job per task, completed once, retried once per kill that hit it.
      const jobs = await jobsOf(taskId)
      expect(jobs.map((j) => [j.name, j.state, j.retry_count])).toEqual([['render', 'completed', interrupted.filter((id) => id === taskId).length]])
    }
    // Exactly one finished render per task across all the worker processes' logs (none twice).
    const log = workers.map((w) => w.output()).join('\n')
    for (const id of ids) {
      const finished = log.split('\n').filter((l) => l.includes(id) && /"msg":"(render finished|output exists, not rendering again)"/.test(l))
      expect(finished.length, id).toBe(1)
    }
  }, 180_000)
})
