import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectDb } from '@/lib/shared/db'
import { claimTask, failTask, heartbeat, releaseTask, succeedTask } from '@/lib/services/render-jobs/task-lease'
import { OUTPUT_REUSED } from '@/lib/services/render-jobs/render-stats'
import { api, registerAndSignIn } from './http'
import { cancelLeftoverTasks, createChoreography, sql, taskRow, uploadDemoSong } from './worker-harness'

/**
 * The guarded state transitions the worker relies on, straight against Postgres (no worker
 * runs during this file): whoever loses a race matches no row and learns it, and a task
 * never moves backwards.
 */
let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let songId: string
let seed = 31000
const newTask = async () => (await createChoreography(owner.accessToken, songId, { seed: seed++, durationSeconds: 16 })).id
const row = async (id: string) =>
  (await sql<{ status: string; progress: number; stage: string; attempts: number; leaseOwner: string | null; error: string | null }>(
    'SELECT status, progress, stage, attempts, "leaseOwner", error FROM "ChoreographyTask" WHERE id = $1', [id]))[0]

beforeAll(async () => {
  await cancelLeftoverTasks()
  owner = await registerAndSignIn('lease-owner')
  songId = (await uploadDemoSong(owner.accessToken, 'Lease song')).id
}, 120_000)

afterAll(async () => {
  await cancelLeftoverTasks() // their queued jobs must not be rendered by the next file's workers
  await disconnectDb()
})

describe('task lease transitions', () => {
  it('one claim wins; the loser and later claimers get nothing while the lease lives', async () => {
    const id = await newTask()
    const results = await Promise.all(['w1', 'w2', 'w3'].map((w) => claimTask(id, w, 30)))
    expect(results.filter(Boolean)).toHaveLength(1)
    expect((await row(id)).attempts).toBe(1)
    expect(await claimTask(id, 'w4', 30)).toBeNull()
  })

  it('progress only grows; a heartbeat from anyone but the owner matches nothing', async () => {
    const id = await newTask()
    await claimTask(id, 'owner', 30)
    expect(await heartbeat(id, 'owner', 30, { stage: 'segments', progress: 40 })).toBe(true)
    expect(await heartbeat(id, 'owner', 30, { stage: 'segments', progress: 25 })).toBe(true)
    expect((await row(id)).progress).toBe(40)
    expect(await heartbeat(id, 'intruder', 30, { stage: 'muxing', progress: 90 })).toBe(false)
    expect(await row(id)).toMatchObject({ progress: 40, stage: 'segments' })
  })

  it('an expired lease is never renewed, and another worker may claim the task', async () => {
    const id = await newTask()
    await claimTask(id, 'slow', 1)
    await new Promise((r) => setTimeout(r, 1300))
    expect(await heartbeat(id, 'slow', 30)).toBe(false)
    expect(await claimTask(id, 'fast', 30)).toEqual({ attempts: 2 })
    expect(await succeedTask(id, 'slow', { outputKey: 'outputs/x.mp4', posterKey: 'posters/x.jpg' }, OUTPUT_REUSED)).toBe(false)
    expect((await row(id)).leaseOwner).toBe('fast')
  })

  it('a cancelled task stays cancelled: heartbeat, success and failure of the render all match nothing', async () => {
    const id = await newTask()
    await claimTask(id, 'w', 30)
    const res = await api('POST', `/api/choreographies/${id}/cancel`, { token: owner.accessToken })
    expect(res.body.task.status).toBe('CANCELLED')
    expect(await heartbeat(id, 'w', 30, { stage: 'segments', progress: 50 })).toBe(false)
    expect(await succeedTask(id, 'w', { outputKey: 'outputs/x.mp4', posterKey: 'posters/x.jpg' }, OUTPUT_REUSED)).toBe(false)
    expect(await failTask(id, 'boom', 'w')).toBe(false)
    expect(await failTask(id, 'dead letter')).toBe(false)
    expect(await releaseTask(id, 'w', { stage: 'retrying' })).toBe(false)
    expect(await row(id)).toMatchObject({ status: 'CANCELLED', stage: 'cancelled' })
  })

  it('SUCCEEDED is final: a late dead letter cannot turn it into FAILED', async () => {
    const id = await newTask()
    await claimTask(id, 'w', 30)
    expect(await succeedTask(id, 'w', { outputKey: 'outputs/y.mp4', posterKey: 'posters/y.jpg' }, OUTPUT_REUSED)).toBe(true)
    expect(await failTask(id, 'late dead letter')).toBe(false)
    expect(await claimTask(id, 'w2', 30)).toBeNull()
    expect(await taskRow(id)).toMatchObject({ status: 'SUCCEEDED', outputKey: 'outputs/y.mp4', error: null })
  })

  it('a released task keeps RUNNING with its note, and the next claim clears the note', async () => {
    const id = await newTask()
    await claimTask(id, 'w', 30)
    expect(await releaseTask(id, 'w', { stage: 'retrying', error: 'Attempt 1 failed: x; retrying' })).toBe(true)
    expect(await row(id)).toMatchObject({ status: 'RUNNING', leaseOwner: null, error: 'Attempt 1 failed: x; retrying' })
    expect(await claimTask(id, 'w2', 30)).toEqual({ attempts: 2 })
    expect(await row(id)).toMatchObject({ status: 'RUNNING', leaseOwner: 'w2', error: null })
  })
})
