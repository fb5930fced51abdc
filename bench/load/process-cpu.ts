import { readFileSync } from 'node:fs'
import { childProcesses } from '@/scripts/lib/child-processes'

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/**
 * CPU time a process and its live children have used so far (user + system, ms), from /proc:
 * per request it says what a route costs whatever else the machine runs, where req/s on a
 * shared machine does not. The children are the web workers when the server runs one process
 * per core (scripts/serve-web.mjs). null off Linux.
 */
export function processCpuMs(pid: number | undefined): number | null {
  const own = ownCpuMs(pid)
  if (own === null) return null
  return own + childProcesses(pid!).reduce((sum, child) => sum + (processCpuMs(child) ?? 0), 0)
}

function ownCpuMs(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) — utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  } catch {
    return null
  }
}

/**
 * Waits until the processes have finished their start-up work (the move index each server
 * process builds, its first analysis sweep): less than `idleShare` of a core over 2 s, or
 * `limitMs` at most, so measured runs see the routes, not the boot. (Here it waits ~4 s. A fresh
 * instance's first minute still has longer tails than later ones — health p99 80 ms, then 16 and 8
 * in one sequence of paced runs — which the 2-s warm-up per scenario does not remove: JIT, most
 * likely.) Returns the ms waited.
 */
export async function waitUntilIdle(pids: Array<number | undefined>, o: { idleShare?: number; limitMs?: number } = {}): Promise<number> {
  const started = Date.now()
  const window = 2_000
  const cpu = () => pids.reduce<number>((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0)
  while (Date.now() - started < (o.limitMs ?? 90_000)) {
    const before = cpu()
    await new Promise((r) => setTimeout(r, window))
    if (cpu() - before < window * (o.idleShare ?? 0.05)) break
  }
  return Date.now() - started
}
