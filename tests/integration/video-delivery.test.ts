import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { ffprobePath } from '@/lib/engines/media/ffmpeg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findMarkerOnsets } from '@/tests/fixtures/beat-marker/find-marker-onsets'
import { readMarkerFrames } from '@/tests/fixtures/beat-marker/read-marker-frames'
import type { RunningWorker } from '@/scripts/lib/worker-process'
import { api, BASE_URL, registerAndSignIn } from './http'
import { expectedMediaTool } from './media-tools-expectation'
import {
  cancelLeftoverTasks, createChoreography, prepareRenderLibrary, sql, startTestWorker, storage, uploadDemoSong,
  WAKE_PORT, waitForTask, WORKER_SECRET, type TaskView,
} from './worker-harness'

/**
 * End to end through the real app and a real worker process: create a choreography on an
 * uploaded demo song → the worker (woken by the app, since it polls only once a minute here)
 * renders it → the owner plays it with ranges, downloads it, and nobody else can.
 */
let worker: RunningWorker
let restoreLibrary: () => Promise<void>
let owner: Awaited<ReturnType<typeof registerAndSignIn>>
let stranger: Awaited<ReturnType<typeof registerAndSignIn>>
let song: { id: string }
let task: { id: string; blueprint: { start: number; end: number; countIn?: { beatTimes: number[]; calls: number[] } | null } }
let done: TaskView
const seen: TaskView[] = []

beforeAll(async () => {
  await cancelLeftoverTasks()
  restoreLibrary = await prepareRenderLibrary()
  worker = await startTestWorker('video', { port: WAKE_PORT, env: { WORKER_POLL_SECONDS: '60' } })
  owner = await registerAndSignIn('video-owner')
  stranger = await registerAndSignIn('video-stranger')
  song = await uploadDemoSong(owner.accessToken, 'Obsesión (demo) — Test')
}, 180_000)

afterAll(async () => {
  await worker?.stop()
  await restoreLibrary?.()
})

const videoPath = () => `/api/choreographies/${task.id}/video`
const get = (p: string, headers: Record<string, string> = {}, token = owner.accessToken) =>
  fetch(`${BASE_URL}${p}`, { headers: { authorization: `Bearer ${token}`, ...headers }, redirect: 'manual' })

describe('render through the queue', () => {
  it('QUEUED → RUNNING → SUCCEEDED, woken at once by the app, progress never going back', async () => {
    task = await createChoreography(owner.accessToken, song.id, { seed: 4242, durationSeconds: 20 })
    done = await waitForTask(owner.accessToken, task.id, (t) => t.status === 'SUCCEEDED' || t.status === 'FAILED', 120_000, (t) => seen.push(t))
    expect(done.status, JSON.stringify(done)).toBe('SUCCEEDED')
    expect(done).toMatchObject({ progress: 100, error: null })
    // Each render's URLs carry its own version, so a re-render is a new URL to every cache.
    expect(done.videoUrl).toMatch(new RegExp(`^${videoPath()}\\?v=[\\w-]+$`))
    expect(done.posterUrl).toMatch(new RegExp(`^/api/choreographies/${task.id}/poster\\?v=[\\w-]+$`))
    const order = ['QUEUED', 'RUNNING', 'SUCCEEDED']
    for (let i = 1; i < seen.length; i++) {
      expect(order.indexOf(seen[i].status)).toBeGreaterThanOrEqual(order.indexOf(seen[i - 1].status))
      expect(seen[i].progress).toBeGreaterThanOrEqual(seen[i - 1].progress)
    }
    // The worker polls once a minute here: starting within seconds means the wake reached it.
    const [row] = await sql<{ waited: number; attempts: number }>(
      `SELECT EXTRACT(EPOCH FROM "startedAt" - "createdAt")::float AS waited, attempts FROM "ChoreographyTask" WHERE id = $1`, [task.id])
    expect(row.waited).toBeLessThan(5)
    expect(row.attempts).toBe(1)
  }, 150_000)

  it('the video is H.264 + AAC at 1280×720, as long as the blueprint to within a frame, audio and video aligned, counts on the beats', async () => {
    const res = await get(videoPath())
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('video/mp4')
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'bb-video-')), 'v.mp4')
    await writeFile(file, Buffer.from(await res.arrayBuffer()))
    const { stdout } = await execa(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file], { timeout: 20_000 })
    const probe = JSON.parse(stdout) as { streams: Array<Record<string, string | number>> }
    const video = probe.streams.find((s) => s.codec_type === 'video')!
    const audio = probe.streams.find((s) => s.codec_type === 'audio')!
    expect(video).toMatchObject({ codec_name: 'h264', width: 1280, height: 720 })
    expect(audio).toMatchObject({ codec_name: 'aac' })
    // The video opens with the count-in: it starts on its first beat, before the first move.
    const video0 = task.blueprint.countIn?.beatTimes[0] ?? task.blueprint.start
    expect(task.blueprint.countIn?.calls).toEqual([5, 6, 7, 8])
    const expected = task.blueprint.end - video0
    expect(Math.abs(Number(video.duration) - expected)).toBeLessThanOrEqual(1 / 30 + 1e-3)
    expect(Math.abs(Number(audio.duration) - expected)).toBeLessThanOrEqual(1 / 30 + 0.025) // + one AAC frame
    expect(Math.abs(Number(video.start_time) - Number(audio.start_time))).toBeLessThanOrEqual(1 / 30)

    // The demo clips flash a marker on every count: those flashes must sit on the song's beats
    // as the app analysed them (the render engineer's check, here through the whole service).
    const { beats } = (await api('GET', `/api/songs/${song.id}`, { token: owner.accessToken })).body.song.analysis as { beats: number[] }
    const { start, end } = task.blueprint
    // From the first move on (the count-in holds the opening pose, so no marker flashes in it).
    const expectedFrames = beats.filter((b) => b >= start - 1e-6 && b < end - 0.5 / 30).map((b) => (b - video0) * 30)
    const onsets = findMarkerOnsets(await readMarkerFrames(file, { width: 1280, height: 720, fps: 30 })).map((o) => o.frame)
    const nearest = (x: number, ys: number[]) => Math.min(...ys.map((y) => Math.abs(x - y)))
    expect(expectedFrames.length).toBeGreaterThan(30)
    expect(expectedFrames.filter((b) => nearest(b, onsets) <= 1).length / expectedFrames.length).toBeGreaterThanOrEqual(0.95)
  })

  it('serves ranges: 206 + Content-Range, suffix ranges, 416 past the end', async () => {
    const first = await get(videoPath(), { range: 'bytes=0-99' })
    expect(first.status).toBe(206)
    expect(first.headers.get('accept-ranges')).toBe('bytes')
    const size = Number(/\/(\d+)$/.exec(first.headers.get('content-range')!)![1])
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size}`)
    const head = Buffer.from(await first.arrayBuffer())
    expect(head.length).toBe(100)
    expect(head.subarray(4, 8).toString()).toBe('ftyp') // an MP4 starts with its ftyp box

    const stored = await storage.get((await sql<{ outputKey: string }>('SELECT "outputKey" FROM "ChoreographyTask" WHERE id = $1', [task.id]))[0].outputKey)
    expect(stored.size).toBe(size)
    stored.stream.destroy()
    const tail = await get(videoPath(), { range: 'bytes=-1000' })
    expect(tail.status).toBe(206)
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 1000}-${size - 1}/${size}`)
    expect((await tail.arrayBuffer()).byteLength).toBe(1000)

    for (const range of [`bytes=${size}-`, `bytes=${size + 10}-${size + 20}`]) {
      const past = await get(videoPath(), { range })
      expect(past.status, range).toBe(416)
      expect(past.headers.get('content-range')).toBe(`bytes */${size}`)
      await past.body?.cancel()
    }
  })

  it('downloads as bachata-<song-title>-<id>.mp4; the poster is a JPEG', async () => {
    const dl = await get(`${videoPath()}?download=1`)
    expect(dl.status).toBe(200)
    expect(dl.headers.get('content-disposition')).toBe(`attachment; filename="bachata-obsesion-demo-test-${task.id}.mp4"`)
    await dl.body?.cancel()
    const poster = await get(`/api/choreographies/${task.id}/poster`)
    expect(poster.status).toBe(200)
    expect(poster.headers.get('content-type')).toBe('image/jpeg')
    const jpeg = Buffer.from(await poster.arrayBuffer())
    expect(jpeg.subarray(0, 2).toString('hex')).toBe('ffd8')
  })

  it("another user's video and poster are 404, as is a video not rendered yet; no token is 401", async () => {
    for (const p of [videoPath(), `${videoPath()}?download=1`, `/api/choreographies/${task.id}/poster`]) {
      const res = await get(p, { range: 'bytes=0-99' }, stranger.accessToken)
      expect(res.status, p).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
    }
    expect((await fetch(`${BASE_URL}${videoPath()}`)).status).toBe(401)
    const cancelled = await createChoreography(owner.accessToken, song.id, { seed: 99, durationSeconds: 16 })
    await api('POST', `/api/choreographies/${cancelled.id}/cancel`, { token: owner.accessToken })
    expect((await get(`/api/choreographies/${cancelled.id}/video`)).status).toBe(404)
    expect((await get('/api/choreographies/no-such-task/video')).status).toBe(404)
  })

  it('a second task with the same blueprint reuses the video: one output object, no second render', async () => {
    const again = await createChoreography(owner.accessToken, song.id, { seed: 4242, durationSeconds: 20 })
    const hashes = await sql<{ hash: string }>('SELECT hash FROM "Blueprint" WHERE "taskId" = ANY($1)', [[task.id, again.id]])
    expect(new Set(hashes.map((h) => h.hash)).size).toBe(1)
    const finished = await waitForTask(owner.accessToken, again.id, (t) => t.status === 'SUCCEEDED' || t.status === 'FAILED', 60_000)
    expect(finished.status).toBe('SUCCEEDED')
    const outputs = (await storage.list('outputs')).filter((k) => k.includes(hashes[0].hash))
    expect(outputs).toEqual([`outputs/${hashes[0].hash}.mp4`])
    expect(worker.output()).toContain('output exists, not rendering again')
    // The first render logged its wall time where the render-duration alarm (infra/) reads it.
    const finishedLine = worker.output().split('\n').find((l) => l.includes('"render finished"'))
    expect(JSON.parse(finishedLine!).renderSeconds).toBeGreaterThan(0)
  }, 90_000)

  it('the wake endpoint wants the shared secret; health answers', async () => {
    expect((await fetch(`${worker.url}/jobs/wake`, { method: 'POST' })).status).toBe(401)
    expect((await fetch(`${worker.url}/jobs/wake`, { method: 'POST', headers: { 'x-worker-secret': 'wrong-secret-123456' } })).status).toBe(401)
    expect((await fetch(`${worker.url}/jobs/wake`, { method: 'GET', headers: { 'x-worker-secret': WORKER_SECRET } })).status).toBe(405)
    expect((await fetch(`${worker.url}/jobs/wake`, { method: 'POST', headers: { 'x-worker-secret': WORKER_SECRET } })).status).toBe(202)
    const health = await fetch(`${worker.url}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ ok: true, db: 'ok', ffmpeg: expectedMediaTool('ffmpeg'), ffprobe: expectedMediaTool('ffprobe') })
  })
})
