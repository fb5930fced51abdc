/**
 * npm run bench:upload-answer — how soon POST /api/songs answers, against how long the song's
 * beat analysis then takes, on the production build: 15-minute songs (a demo song looped, each
 * run a new encoding, so nothing is cached), one at a time. The answer waits only for the
 * synchronous checks (sniff, ffprobe, a 4 kHz decode) and the store; the analysis runs after,
 * in the worker pool. Writes bench/results/upload-answer.json.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { buildApp, freePort, startApp } from '@/scripts/lib/app-server'
import { provideDatabase } from '@/scripts/lib/database'
import { migrateDatabase, seedDatabase } from '@/scripts/lib/prepare-database'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/prisma/demo-accounts'
import { percentile as pct } from '@/lib/shared/numbers'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const SECONDS = 894
const DIR = '.data/bench-upload-answer'

async function longSong(kbps: number): Promise<string> {
  const file = path.join(DIR, `clasica-${SECONDS}s-${kbps}k.mp3`)
  if (existsSync(file)) return file
  const [song] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: false })
  await runFfmpeg(['-y', '-stream_loop', '-1', '-i', song.wav, '-t', String(SECONDS), '-ac', '1', '-c:a', 'libmp3lame', '-b:a', `${kbps}k`, file], { timeout: 300_000 })
  return file
}

async function main() {
  await mkdir(DIR, { recursive: true })
  const files = []
  // MP3 bitrates lame really has (72k would come out as 64k: the same bytes, a cached analysis).
  for (let i = 0; i < RUNS; i++) files.push(await longSong(64 + 16 * i))
  const db = await provideDatabase({ fresh: true })
  await migrateDatabase(db.url)
  await seedDatabase(db.url)
  await buildApp()
  const app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: db.url, AUTH_SECRET: 'b'.repeat(40), DATA_DIR: `${DIR}/storage`, LOG_LEVEL: 'warn', RATE_LIMIT_DISABLED: '1',
  } })
  try {
    const tok = await (await fetch(`${app.url}/api/auth/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD }),
    })).json() as { accessToken: string }
    const auth = { authorization: `Bearer ${tok.accessToken}` }
    const answer: number[] = []
    const ready: number[] = []
    for (const file of files) {
      const form = new FormData()
      form.append('title', path.basename(file))
      form.append('file', new Blob([new Uint8Array(await readFile(file))]), path.basename(file))
      const t0 = performance.now()
      const res = await fetch(`${app.url}/api/songs`, { method: 'POST', headers: auth, body: form })
      const body = await res.json() as { song: { id: string; analysisStatus: string } }
      answer.push(performance.now() - t0)
      if (res.status !== 202 || body.song.analysisStatus !== 'analysing') throw new Error(`upload: ${res.status} ${body.song?.analysisStatus}`)
      for (;;) {
        const poll = await (await fetch(`${app.url}/api/songs/${body.song.id}/analysis`, { headers: auth })).json() as { analysisStatus: string }
        if (poll.analysisStatus === 'ready') break
        if (poll.analysisStatus !== 'analysing') throw new Error(`analysis ${poll.analysisStatus}`)
        await new Promise((r) => setTimeout(r, 100))
      }
      ready.push(performance.now() - t0)
    }
    const stats = (xs: number[]) => ({ p50: Math.round(pct(xs, 50)), max: Math.round(Math.max(...xs)) })
    const result = { when: new Date().toISOString(), runs: RUNS, songSeconds: SECONDS, answerMs: stats(answer), readyMs: stats(ready) }
    await mkdir('bench/results', { recursive: true })
    await writeFile('bench/results/upload-answer.json', JSON.stringify(result, null, 2))
    console.log(`POST /api/songs, ${SECONDS} s songs, ${RUNS} runs: answered (202) p50 ${result.answerMs.p50} ms, max ${result.answerMs.max} ms; ` +
      `analysis ready p50 ${result.readyMs.p50} ms, max ${result.readyMs.max} ms after the request`)
  } finally {
    await app.stop()
    await db.release()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
