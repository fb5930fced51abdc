import { mkdtempSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { ffprobePath } from '@/lib/engines/media/ffmpeg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installDemoLibrary } from '@/scripts/demo/library/install-demo-library'
import { S3Storage } from '@/lib/shared/storage/s3-storage'
import type { RunningWorker } from '@/scripts/lib/worker-process'
import { startS3rver, type RunningS3rver } from '../unit/storage/start-s3rver'
import { registerAndSignIn } from './http'
import {
  cancelLeftoverTasks, createChoreography, jobsOf, prepareRenderLibrary, sql, startTestWorker, storage, taskRow,
  uploadDemoSong, waitForTask, type TaskView,
} from './worker-harness'

/**
 * A worker on S3 storage (s3rver in its own process) that goes away for 10 s: the attempts
 * that hit the outage fail as retryable, the user sees why, and the job completes once the
 * storage is back — with one video in the bucket.
 */
let s3: RunningS3rver
let bucket: S3Storage
let worker: RunningWorker
let restoreLibrary: () => Promise<void>
let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let song: { id: string; storageKey: string }

beforeAll(async () => {
  await cancelLeftoverTasks()
  restoreLibrary = await prepareRenderLibrary()
  s3 = await startS3rver({ dir: mkdtempSync(path.join(tmpdir(), 'bb-outage-s3-')) })
  bucket = new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, credentials: s3.credentials })
  owner = await registerAndSignIn('outage-owner')
  song = await uploadDemoSong(owner.accessToken, 'Outage song')
  // The worker reads from the bucket: the clips and the uploaded song go there too.
  await installDemoLibrary({ storage: bucket, subset: true, posters: false })
  await bucket.put(song.storageKey, (await storage.get(song.storageKey)).stream)
  worker = await startTestWorker('outage', {
    env: {
      STORAGE_DRIVER: 's3', S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    },
  })
}, 180_000)

afterAll(async () => {
  await worker?.killGroup()
  await s3?.kill().catch(() => {})
  await restoreLibrary?.()
})

describe('storage outage', () => {
  it('storage down for 10 s: retried with backoff, completes when it is back, one video', async () => {
    await s3.kill()
    const downAt = Date.now()
    const task = await createChoreography(owner.accessToken, song.id, { seed: 5150, durationSeconds: 16 })
    const seen: TaskView[] = []
    await waitForTask(owner.accessToken, task.id, (t) => (t.error ?? '').includes('retrying'), 15_000, (t) => seen.push(t))
    await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - downAt))))
    await s3.restart()

    const done = await waitForTask(owner.accessToken, task.id, (t) => t.status === 'SUCCEEDED' || t.status === 'FAILED', 90_000, (t) => seen.push(t))
    expect(done.status, JSON.stringify(done)).toBe('SUCCEEDED')
    // While it waited, the task said why in words, and never went back to QUEUED.
    expect(seen.some((t) => /^Attempt 1 failed: Storage is unavailable .*; retrying$/.test(t.error ?? ''))).toBe(true)
    expect(seen.every((t, i) => i === 0 || !(t.status === 'QUEUED' && seen[i - 1].status !== 'QUEUED'))).toBe(true)
    const row = await taskRow(task.id)
    expect(row.attempts).toBeGreaterThanOrEqual(2)
    expect(row.attempts).toBeLessThanOrEqual(3)
    expect((await jobsOf(task.id)).map((j) => j.state)).toEqual(['completed'])

    const [{ hash }] = await sql<{ hash: string }>('SELECT hash FROM "Blueprint" WHERE "taskId" = $1', [task.id])
    expect(row.outputKey).toBe(`outputs/${hash}.mp4`)
    expect(await bucket.list('outputs')).toEqual([`outputs/${hash}.mp4`])
    expect(await bucket.head(`posters/${hash}.jpg`)).not.toBeNull()
    // What landed in the bucket is a whole, playable video.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bb-outage-')), 'v.mp4')
    await writeFile(file, Buffer.from(await (await fetch(await bucket.signedUrl(row.outputKey!))).arrayBuffer()))
    const { stdout } = await execa(ffprobePath(), ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', file], { timeout: 20_000 })
    expect(stdout.split('\n').sort()).toEqual(['aac', 'h264'])
  }, 150_000)
})
