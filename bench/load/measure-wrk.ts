import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import type { Figures } from './measure'

/**
 * The same closed-loop "as fast as answered" run as autocannon's, with wrk (Debian's `wrk`; the
 * issue's own load figures were taken with it): a second generator on the same target, so a
 * figure is not one tool's artefact. The generator shares the 2 cores with the server; each row
 * says what its generator cost per request (here wrk ~0.06 ms, autocannon ~0.09–0.2 ms).
 * null where wrk is absent.
 */
export async function measureWithWrk(o: {
  url: string; path: string; seconds: number; connections: number; headers?: Record<string, string>
  /** Paths to cycle through, one per request (varied searches); default: `path` only. */
  paths?: string[]
}): Promise<(Figures & { generatorCpuMsPerRequest: number }) | null> {
  if (!(await hasWrk())) return null
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-wrk-'))
  try {
    const script = path.join(dir, 'run.lua')
    await writeFile(script, luaScript(o.paths ?? [o.path]))
    const headers = Object.entries(o.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`])
    const args = ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--timeout', '10s', ...headers, '-s', script, new URL(o.path, o.url).href]
    // bash's `times` prints the CPU its children used: what wrk cost, whatever else runs.
    const { stdout } = await execa('bash', ['-c', 'wrk "$@" && times', 'wrk', ...args])
    const lines = stdout.trim().split('\n')
    const r = JSON.parse(lines.find((l) => l.startsWith('{"requests"'))!) as WrkSummary
    const generatorCpuMs = childCpuMs(lines.at(-1)!)
    const errors = r.connect + r.read + r.write
    const answered = r.requests
    return {
      reqPerSec: Math.round(answered / (r.durationUs / 1e6)),
      latencyMs: { p50: round(r.p50 / 1000), p99: round(r.p99 / 1000), max: round(r.max / 1000) },
      requests: answered,
      // wrk counts answers with a status ≥ 400 as `status` errors (it never follows a 3xx).
      ok2xx: answered - r.status,
      non2xx: r.status,
      errors,
      timeouts: r.timeout,
      generatorCpuMsPerRequest: answered ? Math.round((generatorCpuMs / answered) * 100) / 100 : 0,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

interface WrkSummary { requests: number; durationUs: number; connect: number; read: number; write: number; status: number; timeout: number; p50: number; p99: number; max: number }

let wrkFound: Promise<boolean> | undefined
const hasWrk = () => (wrkFound ??= execa('wrk', ['--version'], { reject: false }).then((r) => /^wrk /m.test(`${r.stdout}${r.stderr}`), () => false))

const round = (ms: number) => Math.round(ms * 10) / 10

/** "0m1.230s 0m0.450s" on bash's second `times` line: children's user and system time. */
function childCpuMs(line: string): number {
  return line.trim().split(/\s+/).reduce((sum, t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t)
    return sum + (m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : 0)
  }, 0)
}

/** Cycles the paths (one per request) and prints the run's summary as one JSON line. */
function luaScript(paths: string[]): string {
  return `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`
}
