import { execa, type ResultPromise } from 'execa'

/**
 * Starts the render worker (worker/main.ts) as its own process, for `npm run demo` and the
 * worker's integration tests. node + tsx's loader directly (not npx/npm): signals, including
 * the tests' SIGKILL, then reach the worker itself.
 */
export interface RunningWorker {
  url: string
  port: number
  pid: number
  process: ResultPromise
  /** Everything the worker logged so far (JSON lines). */
  output(): string
  /** SIGTERM (graceful: finish or release running renders) and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | undefined>
  /** SIGKILL to the worker and its ffmpeg children at once, as when its machine dies
   * (needs `ownProcessGroup`). */
  killGroup(): Promise<void>
}

export async function startWorker(opts: {
  port: number
  env: Record<string, string>
  inheritOutput?: boolean
  timeoutMs?: number
  /** Start it as a process group leader, so killGroup() also takes its ffmpeg children. */
  ownProcessGroup?: boolean
  /** node's arguments: the TypeScript entry through tsx by default, or a compiled bundle. */
  args?: string[]
  cwd?: string
  /** The node binary: this process's by default (the image's release: scripts/lib/image-node.ts). */
  node?: string
}): Promise<RunningWorker> {
  const url = `http://127.0.0.1:${opts.port}`
  const child = execa(opts.node ?? process.execPath, opts.args ?? ['--import', 'tsx', 'worker/main.ts'], {
    cwd: opts.cwd,
    env: { WORKER_PORT: String(opts.port), WORKER_HOST: '127.0.0.1', SERVICE_NAME: 'worker', ...opts.env },
    stdio: opts.inheritOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    reject: false,
    forceKillAfterDelay: false,
    detached: opts.ownProcessGroup ?? false,
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { output += d.toString() })
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000)
  for (;;) {
    if (child.exitCode !== null) throw new Error(`worker exited early:\n${output}`)
    try {
      const res = await fetch(`${url}/health`)
      if (res.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`worker did not become healthy in time:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    port: opts.port,
    pid: child.pid!,
    process: child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      const r = await child
      return r.exitCode
    },
    async killGroup() {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
      await child
    },
  }
}
