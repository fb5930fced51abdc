import { readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { installDemoLibrary } from '@/scripts/demo/library/install-demo-library'
import { demoSubset } from '@/scripts/demo/library/demo-catalog'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { freePort } from '@/scripts/lib/app-server'
import { startWorker, type RunningWorker } from '@/scripts/lib/worker-process'
import { api, uploadSong } from './http'

/**
 * Shared parts of the render worker's integration tests (worker-*.test.ts, video-*.test.ts).
 * scripts/run-tests.ts runs these files one at a time after the other integration tests:
 * each file starts (and kills) its own worker processes against the test app's database and
 * storage, so no other worker may take their jobs.
 */
export const DATABASE_URL = process.env.DATABASE_URL ?? ''
export const DATA_DIR = process.env.DATA_DIR ?? ''
export const WORKER_SECRET = process.env.WORKER_SECRET ?? ''
/** The port the test app's WORKER_URL points at: a worker there receives its wakes. */
export const WAKE_PORT = Number(process.env.TEST_WORKER_PORT ?? 0)
if (!DATABASE_URL || !DATA_DIR || !WORKER_SECRET || !WAKE_PORT) {
  throw new Error('DATABASE_URL, DATA_DIR, WORKER_SECRET and TEST_WORKER_PORT must be set: run through `npm test`')
}

export const storage = new LocalStorage(DATA_DIR)

export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}

/** Short timings so faults resolve in seconds: 5 s lease, 1 s heartbeat/poll/reaper. */
export function workerEnv(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL, DATA_DIR, WORKER_SECRET, LOG_LEVEL: 'info', NODE_ENV: 'test',
    WORKER_ID: `test-${name}-${Math.random().toString(36).slice(2, 8)}`,
    WORKER_POLL_SECONDS: '1', WORKER_LEASE_SECONDS: '5', WORKER_HEARTBEAT_SECONDS: '1', WORKER_REAP_SECONDS: '1',
    WORKER_SHUTDOWN_GRACE_SECONDS: '5', RENDER_RETRY_DELAY_SECONDS: '4', WORKER_ORPHAN_GRACE_SECONDS: '2',
    WORKER_WORK_DIR: path.resolve(`.data/test-work/${name}`),
    WORKER_CACHE_DIR: path.resolve('.data/test-cache/segments'),
    ...extra,
  }
}

export async function startTestWorker(name: string, o: { port?: number; env?: Record<string, string>; args?: string[]; cwd?: string; node?: string } = {}): Promise<RunningWorker> {
  return startWorker({ port: o.port ?? (await freePort()), env: workerEnv(name, o.env), ownProcessGroup: true, args: o.args, cwd: o.cwd, node: o.node })
}

/**
 * The 12-clip demo subset in the test storage, and only those moves enabled, so every
 * blueprint the app builds can be rendered. Returns a function that re-enables the rest.
 */
export async function prepareRenderLibrary(): Promise<() => Promise<void>> {
  await installDemoLibrary({ storage, subset: true, posters: false })
  const ids = demoSubset().map((m) => m.id)
  const disabled = await sql<{ id: string }>(
    'UPDATE "Move" SET enabled = false WHERE enabled AND NOT (id = ANY($1)) RETURNING id', [ids],
  )
  return async () => {
    await sql('UPDATE "Move" SET enabled = true WHERE id = ANY($1)', [disabled.map((r) => r.id)])
  }
}

/** Tasks other test files left queued would be rendered by our workers: cancel them. */
export async function cancelLeftoverTasks(): Promise<void> {
  await sql(`UPDATE "ChoreographyTask" SET status = 'CANCELLED', stage = 'cancelled', "leaseOwner" = NULL,
    "leaseExpiresAt" = NULL, "finishedAt" = now() AT TIME ZONE 'UTC' WHERE status IN ('QUEUED', 'RUNNING')`)
}

export async function uploadDemoSong(token: string, title: string): Promise<{ id: string; storageKey: string }> {
  const [demo] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: true })
  const res = await uploadSong(token, await readFile(demo.mp3!), { title })
  if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`)
  const [row] = await sql<{ storageKey: string }>('SELECT "storageKey" FROM "Song" WHERE id = $1', [res.body.song.id])
  return { id: res.body.song.id, storageKey: row.storageKey }
}

export async function createChoreography(token: string, songId: string, o: { seed: number; durationSeconds?: number }) {
  const res = await api('POST', '/api/choreographies', {
    token, json: { songId, params: { durationSeconds: o.durationSeconds ?? 20, difficulty: 'beginner' }, seed: o.seed },
  })
  if (res.status !== 202) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.task as { id: string; blueprint: { start: number; end: number; moves: { clipKey: string }[] } }
}

export interface TaskView {
  id: string; status: string; stage: string | null; progress: number; error: string | null
  videoUrl: string | null; posterUrl: string | null
}

/** Polls the API until `until` holds; the failure message shows the last state seen. */
export async function waitForTask(token: string, id: string, until: (t: TaskView) => boolean, timeoutMs = 60_000, onPoll?: (t: TaskView) => void): Promise<TaskView> {
  const deadline = Date.now() + timeoutMs
  let last: TaskView | undefined
  for (;;) {
    const res = await api('GET', `/api/choreographies/${id}`, { token })
    last = res.body?.task as TaskView
    if (last) {
      onPoll?.(last)
      if (until(last)) return last
    }
    if (Date.now() > deadline) throw new Error(`task ${id} did not reach the expected state in ${timeoutMs} ms; last: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

export async function taskRow(id: string) {
  const [row] = await sql<{ status: string; attempts: number; error: string | null; outputKey: string | null; leaseOwner: string | null }>(
    'SELECT status, attempts, error, "outputKey", "leaseOwner" FROM "ChoreographyTask" WHERE id = $1', [id],
  )
  return row
}

export async function jobsOf(taskId: string) {
  return sql<{ id: string; name: string; state: string; retry_count: number }>(
    `SELECT id, name, state, retry_count FROM pgboss.job WHERE data->>'taskId' = $1 ORDER BY created_on`, [taskId],
  )
}

/** ffmpeg processes whose command line mentions `needle` (a work dir): none may outlive a job. */
export async function ffmpegProcessesMentioning(needle: string): Promise<number> {
  const { readdir } = await import('node:fs/promises')
  let n = 0
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (cmd.includes('ffmpeg') && cmd.includes(needle)) n++
  }
  return n
}
