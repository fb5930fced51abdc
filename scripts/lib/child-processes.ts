import { readFileSync, readdirSync, readlinkSync } from 'node:fs'

/** A process's children, from /proc (e.g. the web server's workers); [] off Linux or once it exited. */
export function childProcesses(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number))
  } catch {
    return []
  }
}

/** The executable a process runs (its /proc exe link); null off Linux or once it exited. */
export function processBinary(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/exe`)
  } catch {
    return null
  }
}
