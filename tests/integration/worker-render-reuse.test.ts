import { readdir, mkdtemp, rm, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningWorker } from '@/scripts/lib/worker-process'
import { api, registerAndSignIn } from './http'
import {
  cancelLeftoverTasks, createChoreography, prepareRenderLibrary, sql, startTestWorker, uploadDemoSong, WAKE_PORT, waitForTask,
} from './worker-harness'

/**
 * Regenerating one move through the API re-renders one segment on a real worker: a
 * choreography is rendered cold (the worker's caches start empty), one move is replaced
 * (POST …/moves/:index/regenerate), and the second render's figures, read back from the task
 * (GET /api/choreographies/:id → render) and the queue job's output, show n−1 segment hits
 * and 1 miss. Then the worker prunes its cache by the size and age it is configured with.
 */
interface RenderStats {
  outputReused: boolean; segments: number; segmentHits: number; segmentMisses: number
  audioHit: boolean; sourceHits: number; sourceMisses: number; seconds: number
}
interface Move { kind: 'move' | 'hold'; moveId?: string; clipKey?: string }
interface Task { id: string; status: string; videoUrl: string | null; render: RenderStats | null; blueprint: { moves: Move[] } }

let worker: RunningWorker | undefined
let restoreLibrary: () => Promise<void>
let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let cacheDir: string

beforeAll(async () => {
  await cancelLeftoverTasks()
  restoreLibrary = await prepareRenderLibrary()
  cacheDir = await mkdtemp(path.join(tmpdir(), 'bb-render-reuse-cache-'))
  worker = await startTestWorker('reuse', { port: WAKE_PORT, env: { WORKER_CACHE_DIR: cacheDir } })
  owner = await registerAndSignIn('reuse-owner')
}, 180_000)

afterAll(async () => {
  await worker?.stop()
  await restoreLibrary?.()
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true })
})

const readTask = async (id: string) => (await api('GET', `/api/choreographies/${id}`, { token: owner.accessToken })).body.task as Task

async function renderedTask(id: string): Promise<Task> {
  const done = await waitForTask(owner.accessToken, id, (t) => t.status === 'SUCCEEDED' || t.status === 'FAILED', 180_000)
  expect(done.status, JSON.stringify(done)).toBe('SUCCEEDED')
  return readTask(id)
}

async function jobOutput(taskId: string): Promise<{ render?: RenderStats }> {
  const [row] = await sql<{ output: { render?: RenderStats } }>(
    `SELECT output FROM pgboss.job WHERE data->>'taskId' = $1 AND state = 'completed' ORDER BY completed_on DESC LIMIT 1`, [taskId])
  return row.output
}

const movesUsed = (t: Task) => t.blueprint.moves.filter((m) => m.kind === 'move')

describe('regenerate one move on a real worker', () => {
  it('re-renders one segment: the job result shows n−1 segment hits and 1 miss, and every source from the cache', async () => {
    const song = await uploadDemoSong(owner.accessToken, 'Render reuse (demo)')
    const created = await createChoreography(owner.accessToken, song.id, { seed: 5151, durationSeconds: 24 })
    const first = await renderedTask(created.id)
    const clipsSeen = new Set(movesUsed(first).map((m) => m.clipKey))
    // Cold: an empty cache, so every distinct clip and the song were downloaded once.
    expect(first.render).toMatchObject({ outputReused: false, audioHit: false, sourceHits: 0, sourceMisses: clipsSeen.size + 1 })
    expect(first.render!.segmentMisses).toBeGreaterThan(1)
    expect(first.render!.segmentHits + first.render!.segmentMisses).toBe(first.render!.segments)
    const n = first.render!.segments
    expect(n).toBeGreaterThanOrEqual(3)

    // A move followed by a move (a hold after it would show its last frame and change too).
    const moves = first.blueprint.moves
    const index = moves.findIndex((m, i) => i > 0 && m.kind === 'move' && moves[i + 1]?.kind === 'move')
    expect(index).toBeGreaterThan(0)
    const usedHere = new Set([moves[index].moveId])
    let current = first
    // Its segment is new only if the replacement appears nowhere else in the video and never
    // stood here before (else an identical segment may be in the cache): ask again until so.
    for (let attempt = 1; ; attempt++) {
      const res = await api('POST', `/api/choreographies/${created.id}/moves/${index}/regenerate`, { token: owner.accessToken })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const replaced = res.body.task.blueprint.moves[index] as Move
      const fresh = !usedHere.has(replaced.moveId) && movesUsed(current).every((m, i) => i === index || m.moveId !== replaced.moveId)
      const previousVideo = current.videoUrl
      current = await renderedTask(created.id)
      const stats = current.render!
      expect(current.videoUrl).not.toBe(previousVideo)
      expect(stats.segments).toBe(n)
      expect(stats.segmentHits + stats.segmentMisses).toBe(n)
      expect(stats.segmentMisses).toBeLessThanOrEqual(1)
      expect(await jobOutput(created.id)).toMatchObject({ render: stats })
      if (fresh) {
        expect(stats).toMatchObject({
          outputReused: false, segmentHits: n - 1, segmentMisses: 1, audioHit: true,
          // Only a clip no earlier render of this worker used is downloaded.
          sourceMisses: clipsSeen.has(replaced.clipKey) ? 0 : 1,
          sourceHits: new Set(movesUsed(current).map((m) => m.clipKey)).size + 1 - (clipsSeen.has(replaced.clipKey) ? 0 : 1),
        })
        break
      }
      usedHere.add(replaced.moveId)
      clipsSeen.add(replaced.clipKey)
      expect(attempt, 'no fresh replacement in 6 tries').toBeLessThan(6)
    }
  }, 900_000)

  it('the worker prunes its cache to RENDER_CACHE_MAX_BYTES, sparing files a render may still read', async () => {
    const files = async () => (await readdir(cacheDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.endsWith('.partial')).map((e) => path.join(e.parentPath, e.name))
    const before = await files()
    expect(before.some((f) => f.endsWith('.mp4') && f.includes(`${path.sep}sources${path.sep}`))).toBe(true)
    expect(before.some((f) => f.endsWith('.m4a'))).toBe(true)
    // Half of them last used two hours ago, beyond the render timeout (30 min); the rest within it.
    const twoHoursAgo = new Date(Date.now() - 7_200_000)
    const old = before.filter((_, i) => i % 2 === 0)
    for (const f of old) await utimes(f, twoHoursAgo, twoHoursAgo)
    await worker!.stop()
    worker = undefined
    worker = await startTestWorker('reuse-prune', {
      port: WAKE_PORT, env: { WORKER_CACHE_DIR: cacheDir, RENDER_CACHE_MAX_BYTES: '0' },
    })
    const deadline = Date.now() + 30_000
    let left = await files()
    while (left.length > before.length - old.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200))
      left = await files()
    }
    expect(left.sort()).toEqual(before.filter((f) => !old.includes(f)).sort())
  }, 120_000)
})
