import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { S3Storage } from '@/lib/shared/storage/s3-storage'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { startS3rver, type RunningS3rver } from '../unit/storage/start-s3rver'
import { demoSongMp3, FaultClient, sleep, songForm, sqlOn, type Exchange } from './fault-load'
import { startThrottledRelay, type ThrottledRelay } from './throttled-relay'

/**
 * The S3 server stopped while the app is writing a song to it. An instance of its own with
 * STORAGE_DRIVER=s3 against s3rver (its own process, killed for real), reached through a relay
 * that forwards uploads at 1 MB/s so the write is still going when the server dies. A storage
 * outage is the server's problem: the client gets 503 `storage_unavailable` with Retry-After,
 * and no song row, object or temp file outlives the failed upload.
 */
let s3: RunningS3rver
let relay: ThrottledRelay
let app: RunningApp
let client: FaultClient
let token: string
let tmp: string
let s3Dir: string
let direct: S3Storage
const BYTES_PER_SECOND = 1024 * 1024

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'fault-s3-tmp-'))
  s3Dir = await mkdtemp(path.join(os.tmpdir(), 'fault-s3rver-'))
  s3 = await startS3rver({ dir: s3Dir })
  relay = await startThrottledRelay({ targetPort: s3.port, bytesPerSecond: BYTES_PER_SECOND })
  direct = new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, credentials: s3.credentials, requestTimeoutMs: 5000 })
  app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: process.env.AUTH_SECRET!, DATA_DIR: tmp, TMPDIR: tmp,
    LOG_LEVEL: 'warn', RATE_LIMIT_DISABLED: '1',
    STORAGE_DRIVER: 's3', S3_BUCKET: s3.bucket, S3_ENDPOINT: relay.url, S3_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
  } })
  client = new FaultClient(app.url)
  token = await client.newUser('s3-fault')
}, 180_000)

afterAll(async () => {
  await app?.stop()
  await relay?.close()
  await s3?.kill().catch(() => {})
  for (const dir of [tmp, s3Dir]) if (dir) await rm(dir, { recursive: true, force: true })
})

const sql = <T>(text: string, values: unknown[] = []) => sqlOn<T>(process.env.DATABASE_URL!, text, values)

const uploadTemps = () => readdir(path.join(tmp, 'bachata-uploads')).catch(() => [] as string[])

function expectStorageUnavailable(res: Exchange) {
  expect(res.status, JSON.stringify(res.body)).toBe(503)
  expect(res.contentType).toMatch(/application\/json/)
  expect(res.code).toBe('storage_unavailable')
  expect(Number(res.retryAfter)).toBeGreaterThan(0)
}

describe('the S3 server stopped mid-upload', () => {
  it('a clear 503, no song row, no object once S3 is back, no temp file; video reads 503 while it is down', async () => {
    // Baseline with S3 up: a song, and a finished choreography whose video is in the bucket.
    const first = await client.call('upload', 'POST', '/api/songs', { token, form: songForm(await demoSongMp3(), { title: 'Before the outage' }) })
    expect(first.status, JSON.stringify(first.body)).toBe(202)
    await client.untilAnalysed(token, first.body.song.id)
    const task = await client.call('create', 'POST', '/api/choreographies', { token, json: { songId: first.body.song.id, params: { durationSeconds: 20 } } })
    expect(task.status, JSON.stringify(task.body)).toBe(202)
    const videoKey = `outputs/fault-s3-${task.body.id}.mp4`
    await direct.put(videoKey, Buffer.from('not really a video, only bytes to point at'))
    await sql(`UPDATE "ChoreographyTask" SET status = 'SUCCEEDED', stage = 'done', progress = 100, "outputKey" = $2, "finishedAt" = now() WHERE id = $1`, [task.body.id, videoKey])
    const video = () => client.call('video', 'GET', `/api/choreographies/${task.body.id}/video`, { token })
    expect((await video()).status).toBe(302)

    // The upload under test: a WAV of several MB, so its write to S3 takes seconds through the relay.
    const [demo] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]] })
    const wav = await readFile(demo.wav)
    expect(wav.length).toBeGreaterThan(4 * BYTES_PER_SECOND)
    const title = `Faulted upload ${Date.now()}`
    const before = await direct.list('songs')
    const pending = client.call('upload', 'POST', '/api/songs', { token, form: songForm(wav, { title }, 'song.wav') })
    // Storing has begun (a megabyte of it went through) when the S3 server dies.
    await relay.uploaded(BYTES_PER_SECOND)
    expect(await uploadTemps()).toHaveLength(1)
    await s3.kill()
    const killedAt = Date.now()
    const failed = await pending
    console.log(`[fault-s3] upload of ${wav.length} bytes answered ${failed.status} ${failed.ended - killedAt} ms after the kill`)
    expectStorageUnavailable(failed)
    expect(failed.ended - killedAt).toBeLessThan(15_000)

    // While S3 is down: the video read is a JSON 503 too.
    expectStorageUnavailable(await video())
    expect(await uploadTemps()).toEqual([])
    expect(await sql('SELECT id FROM "Song" WHERE title = $1', [title])).toEqual([])

    // S3 back: nothing of the failed upload is in the bucket; the same upload now succeeds.
    await s3.restart()
    const restartedAt = Date.now()
    expect(await direct.list('songs')).toEqual(before)
    expect(await direct.list('uploads').catch(() => [])).toEqual([])
    let again: Exchange
    let tries = 0
    do {
      tries++
      again = await client.call('upload', 'POST', '/api/songs', { token, form: songForm(wav, { title }, 'song.wav') })
    } while (again.status === 503 && Date.now() - restartedAt < 30_000 && (await sleep(250), true))
    console.log(`[fault-s3] after the restart the upload answered ${again.status} on try ${tries}, ${again.ended - restartedAt} ms after the restart`)
    expect(again.status, JSON.stringify(again.body)).toBe(202)
    expect((await direct.list('songs')).length).toBe(before.length + 1)
    expect((await video()).status).toBe(302)
    expect(app.process.exitCode).toBeNull()
  }, 120_000)
})
