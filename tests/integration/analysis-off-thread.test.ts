import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { registerAndSignIn } from './http'

// Song analysis runs in worker threads: while a 15-minute upload is being analysed the
// server goes on answering. An instance of its own, logging at info, so the test can see
// from its log when an analysis starts and finishes; one analysis at a time.
const FIX = '.data/test-fixtures/analysis-off-thread'
let app: RunningApp
let token: string
const log: Array<{ msg: string }> = []

/** Seconds of silence as FLAC (tiny to send, the full analysis to run: the attack). */
async function silence(seconds: number): Promise<Buffer> {
  const file = path.join(FIX, `silence-${seconds}.flac`)
  if (!existsSync(file)) {
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono', '-t', String(seconds), '-c:a', 'flac', file], { timeout: 120_000 })
  }
  return readFile(file)
}

function upload(file: Buffer, title: string) {
  const form = new FormData()
  form.append('title', title)
  form.append('file', new Blob([new Uint8Array(file)]), `${title}.flac`)
  return fetch(`${app.url}/api/songs`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
}

const seen = (msg: string) => log.filter((l) => l.msg === msg).length

async function until(check: () => boolean) {
  while (!check()) await new Promise((r) => setTimeout(r, 20))
}

beforeAll(async () => {
  await mkdir(FIX, { recursive: true })
  app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: process.env.AUTH_SECRET!, DATA_DIR: process.env.DATA_DIR!,
    LOG_LEVEL: 'info', ANALYSIS_CONCURRENCY: '1', RATE_LIMIT_DISABLED: '1',
  } })
  let partial = ''
  app.process.stdout!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n')
    partial = lines.pop()!
    for (const line of lines) {
      try {
        const { msg } = JSON.parse(line) as { msg?: string }
        if (msg?.startsWith('song analysis')) log.push({ msg })
      } catch {
        // not a JSON log line (next's own banner)
      }
    }
  })
  token = (await registerAndSignIn('off-thread')).accessToken
}, 180_000)
afterAll(() => app?.stop())

describe('song analysis off the request thread', () => {
  it('while a 15-minute upload is analysed, /api/health answers, again and again', async () => {
    const file = await silence(894) // just under the 15-minute limit
    let uploadDone = false
    const pending = upload(file, 'fifteen-minutes').then(async (r) => {
      uploadDone = true
      return { status: r.status, body: await r.json() as { error?: { message: string } } }
    })
    await until(() => seen('song analysis started') === 1)
    const during: boolean[] = []
    for (let i = 0; i < 3; i++) {
      const health = await fetch(`${app.url}/api/health`)
      expect(health.status).toBe(200)
      // Answered while the analysis was still running: neither finished nor answered.
      during.push(!uploadDone && seen('song analysis finished') === 0)
    }
    expect(during).toEqual([true, true, true])
    // The analysis did run to the end and judged the audio: silence has no beat.
    const res = await pending
    expect(res.status).toBe(422)
    expect(res.body.error?.message).toMatch(/No steady beat/)
  }, 300_000)

  it('at most ANALYSIS_CONCURRENCY (here 1) run at once: a second upload waits for the first', async () => {
    log.length = 0
    const [a, b] = await Promise.all([silence(120), silence(180)])
    const results = await Promise.all([upload(a, 'two-minutes'), upload(b, 'three-minutes')])
    expect(results.map((r) => r.status)).toEqual([422, 422])
    expect(log.map((l) => l.msg)).toEqual([
      'song analysis started', 'song analysis finished', 'song analysis started', 'song analysis finished',
    ])
  }, 300_000)
})
