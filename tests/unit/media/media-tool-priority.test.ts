import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { describe, expect, it } from 'vitest'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'

/** The nice value of the running process whose command line holds `marker` (Linux /proc). */
function niceOf(marker: string): number | null {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // After the command name (which may hold spaces): nice is the 19th field of the line.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
    } catch { /* ended meanwhile */ }
  }
  return null
}

async function niceWhileRunning(nice: number | undefined): Promise<number | null> {
  const marker = `nice-probe-${randomUUID()}`
  // -re: real time, so the child lives long enough to be looked at.
  const run = runFfmpeg(['-re', '-f', 'lavfi', '-i', 'anullsrc=r=8000:cl=mono', '-t', '2', '-metadata', `comment=${marker}`, '-f', 'null', '-'], { nice })
  let seen: number | null = null
  for (let i = 0; i < 40 && seen === null; i++) {
    await new Promise((r) => setTimeout(r, 25))
    seen = niceOf(marker)
  }
  await run
  return seen
}

// The upload check's ffmpeg runs behind the server's requests (check-song-file.ts: nice 5).
describe.runIf(process.platform === 'linux')('media tool priority', () => {
  it('runs ffmpeg at the nice value asked for, and at ours when none is asked', async () => {
    expect(await niceWhileRunning(7)).toBe(7)
    expect(await niceWhileRunning(undefined)).toBe(getPriority())
  }, 20_000)
})
