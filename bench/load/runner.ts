import os from 'node:os'
import { measure, type Figures, type MeasureOptions } from './measure'
import { measurePaced } from './measure-paced'
import { measureWithWrk } from './measure-wrk'
import { processCpuMs } from './process-cpu'

export type Judgement = { target: string; pass: boolean }
/**
 * `serverCpuMsPerRequest`: the server process's CPU time over the answers it gave;
 * `generatorCpuMsPerRequest` the same for the load generator (it shares the cores).
 */
export type Row = {
  scenario: string; instance: string; generator: Generator; loadAverage1m: number
  serverCpuMsPerRequest: number | null; generatorCpuMsPerRequest: number | null
} & Figures & Partial<Judgement> & { note?: string }
/** autocannon: closed loop in this process; paced: a fixed rate (measure-paced.ts); wrk: closed loop in C. */
export type Generator = 'autocannon' | 'paced' | 'wrk'
/** `paths`: what wrk cycles through where `next` varies the path (wrk runs GETs only). */
export type Scenario = Omit<MeasureOptions, 'url' | 'seconds'> & { paths?: string[] }
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
    // A fixed rate is paced (open loop); "max" is autocannon's closed loop, as fast as answered.
    const generator: Generator = s.rate ? 'paced' : 'autocannon'
    const row = await measured(scenario, app, instance, generator, async () => {
      const cpu = process.cpuUsage()
      const f = s.rate
        ? await measurePaced({ url: app.url, path: s.path, seconds: opts.seconds, rate: s.rate, connections: s.connections, headers: s.headers })
        : await measure({ ...s, url: app.url, seconds: opts.seconds })
      const used = process.cpuUsage(cpu)
      return { ...f, generatorCpuMs: (used.user + used.system) / 1000 }
    }, judge)
    // The same closed loop with wrk, where it is installed: judged alike, side by side.
    if (!s.rate && (s.method ?? 'GET') === 'GET' && (!s.next || s.paths)) {
      await measured(scenario, app, instance, 'wrk', async () => {
        const f = await measureWithWrk({ url: app.url, path: s.path, seconds: opts.seconds, connections: s.connections, headers: s.headers, paths: s.paths })
        return f && { ...f, generatorCpuMs: f.generatorCpuMsPerRequest * (f.ok2xx + f.non2xx) }
      }, judge)
    }
    return row
  }

  async function measured(
    scenario: string, app: Target, instance: string, generator: Generator,
    go: () => Promise<(Figures & { generatorCpuMs: number }) | null>, judge?: (f: Figures) => Judgement,
  ): Promise<Row | null> {
    const loadAverage1m = Math.round(os.loadavg()[0] * 100) / 100
    const cpuBefore = processCpuMs(app.pid)
    const result = await go()
    if (!result) return null
    const cpuAfter = processCpuMs(app.pid)
    const { generatorCpuMs, ...f } = result
    const answered = f.ok2xx + f.non2xx
    const perAnswer = (ms: number) => Math.round((ms / answered) * 100) / 100
    const serverCpuMsPerRequest = cpuBefore !== null && cpuAfter !== null && answered > 0 ? perAnswer(cpuAfter - cpuBefore) : null
    const row: Row = {
      scenario, instance, generator, loadAverage1m, serverCpuMsPerRequest, generatorCpuMsPerRequest: answered > 0 ? perAnswer(generatorCpuMs) : null, ...f, ...judge?.(f),
    }
    rows.push(row)
    console.log(`[bench] ${scenario} (${instance}, ${generator}): ${f.reqPerSec} req/s, p99 ${f.latencyMs.p99} ms, non-2xx ${f.non2xx}, errors ${f.errors}, server CPU ${serverCpuMsPerRequest} ms/req, generator ${row.generatorCpuMsPerRequest} ms/req, load ${loadAverage1m}`)
    return row
  }
  return { rows, run, wanted }
}

/** A pass needs the figure and a clean run: no non-2xx, no socket errors. */
export const clean = (f: Figures) => f.non2xx + f.errors + f.timeouts === 0

export function printTable(rows: Row[]): void {
  console.table(rows.map((r) => ({
    scenario: r.scenario, instance: r.instance, generator: r.generator, 'req/s': r.reqPerSec, p50: r.latencyMs.p50, p99: r.latencyMs.p99, max: r.latencyMs.max,
    'non-2xx': r.non2xx, errors: r.errors + r.timeouts, 'cpu ms/req': r.serverCpuMsPerRequest ?? '', 'gen ms/req': r.generatorCpuMsPerRequest ?? '', load: r.loadAverage1m, target: r.target ?? '', pass: r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  })))
  for (const r of rows.filter((x) => x.note)) console.log(`${r.scenario}: ${r.note}`)
}
