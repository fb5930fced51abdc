import os from 'node:os'
import { measure, type Figures, type MeasureOptions } from './measure'
import { measurePaced } from './measure-paced'
import { processCpuMs } from './process-cpu'

export type Judgement = { target: string; pass: boolean }
/** `serverCpuMsPerRequest`: the server process's CPU time over the answers it gave. */
export type Row = { scenario: string; instance: string; loadAverage1m: number; serverCpuMsPerRequest: number | null } & Figures & Partial<Judgement> & { note?: string }
export type Scenario = Omit<MeasureOptions, 'url' | 'seconds'>
export type Target = { url: string; pid?: number }

/**
 * Runs scenarios one after another into `rows`: a short warm-up first (not recorded: a route's
 * first requests load its code, the search its index), then `seconds` measured. `only` keeps
 * the scenarios whose names start with one of its entries.
 */
export function scenarioRunner(opts: { seconds: number; only?: string[] }) {
  const rows: Row[] = []
  const wanted = (scenario: string) => !opts.only || opts.only.some((o) => scenario.startsWith(o))
  async function run(scenario: string, app: Target, instance: string, s: Scenario, judge?: (f: Figures) => Judgement): Promise<Row | null> {
    if (!wanted(scenario)) return null
    await measure({ ...s, url: app.url, seconds: 2, connections: 4, rate: undefined })
    const loadAverage1m = Math.round(os.loadavg()[0] * 100) / 100
    const cpuBefore = processCpuMs(app.pid)
    // A fixed rate is paced (open loop); "max" is autocannon's closed loop, as fast as answered.
    const f = s.rate
      ? await measurePaced({ url: app.url, path: s.path, seconds: opts.seconds, rate: s.rate, connections: s.connections, headers: s.headers })
      : await measure({ ...s, url: app.url, seconds: opts.seconds })
    const cpuAfter = processCpuMs(app.pid)
    const answered = f.ok2xx + f.non2xx
    const serverCpuMsPerRequest = cpuBefore !== null && cpuAfter !== null && answered > 0 ? Math.round(((cpuAfter - cpuBefore) / answered) * 100) / 100 : null
    const row: Row = { scenario, instance, loadAverage1m, serverCpuMsPerRequest, ...f, ...judge?.(f) }
    rows.push(row)
    console.log(`[bench] ${scenario} (${instance}): ${f.reqPerSec} req/s, p99 ${f.latencyMs.p99} ms, non-2xx ${f.non2xx}, errors ${f.errors}, server CPU ${serverCpuMsPerRequest} ms/req, load ${loadAverage1m}`)
    return row
  }
  return { rows, run, wanted }
}

/** A pass needs the figure and a clean run: no non-2xx, no socket errors. */
export const clean = (f: Figures) => f.non2xx + f.errors + f.timeouts === 0

export function printTable(rows: Row[]): void {
  console.table(rows.map((r) => ({
    scenario: r.scenario, instance: r.instance, 'req/s': r.reqPerSec, p50: r.latencyMs.p50, p99: r.latencyMs.p99, max: r.latencyMs.max,
    'non-2xx': r.non2xx, errors: r.errors + r.timeouts, 'cpu ms/req': r.serverCpuMsPerRequest ?? '', load: r.loadAverage1m, target: r.target ?? '', pass: r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  })))
  for (const r of rows.filter((x) => x.note)) console.log(`${r.scenario}: ${r.note}`)
}
