import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '@/scripts/lib/app-server'
import { childProcesses } from '@/scripts/lib/child-processes'

/**
 * scripts/serve-web.mjs, the image's entry point, run for real on a stand-in server (a plain
 * http server that answers with its pid and its argv): Next itself runs under it in
 * scripts/check-web-image.ts.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'serve-web-'))
const SERVER = path.join(dir, 'server.cjs')
writeFileSync(SERVER, `
if (process.env.FAIL_AT_BOOT) throw new Error('boot failure')
require('node:http').createServer((req, res) => {
  res.setHeader('connection', 'close')
  res.end(JSON.stringify({ pid: process.pid, argv: process.argv.slice(2) }))
}).listen(Number(process.env.PORT), '127.0.0.1')
`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function start(workers: number, extra: Record<string, string> = {}) {
  const port = await freePort()
  const child = execa(process.execPath, ['scripts/serve-web.mjs', SERVER, '--flag', 'x'], {
    env: { WEB_CONCURRENCY: String(workers), PORT: String(port), ...extra }, reject: false, all: true,
  })
  return { child, url: `http://127.0.0.1:${port}` }
}

async function ask(url: string): Promise<{ pid: number; argv: string[] }> {
  for (let i = 0; ; i++) {
    try {
      return (await (await fetch(url)).json()) as { pid: number; argv: string[] }
    } catch (e) {
      if (i > 100) throw e
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

/** The pids that answer, asked until `n` differ (for up to ~10 s: a worker still starting on a
 * loaded machine gets no connections yet); each answer also carries the arguments passed on. */
async function answeringPids(url: string, n: number): Promise<Set<number>> {
  const pids = new Set<number>()
  for (let i = 0; i < 200 && pids.size < n; i++) {
    const answer = await ask(url)
    expect(answer.argv).toEqual(['--flag', 'x'])
    pids.add(answer.pid)
    if (pids.size < n) await new Promise((r) => setTimeout(r, 50))
  }
  return pids
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('serve-web.mjs', () => {
  it('runs the server once per WEB_CONCURRENCY, all on one port, each with the arguments given', async () => {
    const { child, url } = await start(2)
    try {
      const pids = await answeringPids(url, 2)
      expect(pids.size).toBe(2)
      expect(new Set(childProcesses(child.pid!))).toEqual(pids)
    } finally {
      child.kill('SIGTERM')
      await child
    }
  })

  it('replaces a worker that dies after it served, and stops every worker on SIGTERM', async () => {
    const { child, url } = await start(2)
    // Both have answered (so both listen): one that had not yet would be a boot failure.
    const [victim, survivor] = [...await answeringPids(url, 2)]
    process.kill(victim, 'SIGKILL')
    await until(() => { const now = childProcesses(child.pid!); return now.length === 2 && !now.includes(victim) })
    expect(childProcesses(child.pid!)).toContain(survivor)
    const workers = childProcesses(child.pid!)
    child.kill('SIGTERM')
    const result = await child
    expect(result.exitCode).toBe(0)
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow()
  })

  it('exits non-zero at once when a worker fails at boot (no restart loop)', async () => {
    const { child } = await start(2, { FAIL_AT_BOOT: '1' })
    const result = await child
    expect(result.exitCode).toBe(1)
    expect(result.all).toMatch(/boot failure/)
    expect(result.all!.match(/web worker exited/g)?.length ?? 0).toBeLessThanOrEqual(2)
  })

  it('with WEB_CONCURRENCY=1 is the server itself, no extra process', async () => {
    const { child, url } = await start(1)
    try {
      const answer = await ask(url)
      expect(answer.pid).toBe(child.pid)
      expect(childProcesses(child.pid!)).toEqual([])
    } finally {
      child.kill('SIGTERM')
      await child
    }
  })
})
