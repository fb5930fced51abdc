import { existsSync, statSync, readdirSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { execa, type ResultPromise } from 'execa'

const NEXT_BIN = 'node_modules/next/dist/bin/next'
const SERVE_WEB = 'scripts/serve-web.mjs'
const SOURCE_DIRS = ['app', 'components', 'lib', 'public', 'prisma']
const SOURCE_FILES = ['next.config.ts', 'instrumentation.ts', 'proxy.ts', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json']

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const st = statSync(target)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(target)) {
    if (entry === 'generated' || entry === 'node_modules') continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

/** `next build` unless .next is newer than every source file (the demo restarts fast). */
export async function buildApp(opts: { force?: boolean; log?: (s: string) => void } = {}): Promise<void> {
  const buildId = '.next/BUILD_ID'
  const sources = Math.max(...SOURCE_DIRS.map(newestMtime), ...SOURCE_FILES.map(newestMtime))
  if (!opts.force && existsSync(buildId) && statSync(buildId).mtimeMs > sources) {
    opts.log?.('build is up to date')
    return
  }
  opts.log?.('building the app (next build)…')
  await execa(process.execPath, [NEXT_BIN, 'build'], { env: { NEXT_TELEMETRY_DISABLED: '1' }, stdio: opts.log ? 'inherit' : 'pipe' })
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port
      srv.close(() => resolve(port))
    })
  })
}

/** A persistent local secret so demo sessions survive restarts; never committed. */
export async function localAuthSecret(): Promise<string> {
  const file = '.data/auth-secret'
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  await mkdir('.data', { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  await writeFile(file, secret, { mode: 0o600 })
  return secret
}

export interface RunningApp {
  url: string
  process: ResultPromise
  /** Everything the server printed so far (stdout and stderr): its log. */
  output(): string
  stop(): Promise<void>
}

export async function startApp(opts: {
  port: number; host?: string; env: Record<string, string>; inheritOutput?: boolean
  /** Health statuses that count as "up" besides 200 (a test of the 503 path). */
  acceptStatus?: number[]
  /** Flags for node itself, e.g. --cpu-prof (which NODE_OPTIONS refuses). */
  nodeArgs?: string[]
  /** Server processes sharing the port (scripts/serve-web.mjs, as the image runs); default 1. */
  workers?: number
  /** The node binary: this process's by default (the image's release: scripts/lib/image-node.ts). */
  node?: string
}): Promise<RunningApp> {
  const host = opts.host ?? '127.0.0.1'
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${opts.port}`
  // node + next's bin directly (not npx): a signal then reaches the server itself.
  const workers = opts.workers ?? 1
  const server = workers > 1 ? [SERVE_WEB, NEXT_BIN] : [NEXT_BIN]
  const child = execa(opts.node ?? process.execPath, [...(opts.nodeArgs ?? []), ...server, 'start', '-H', host, '-p', String(opts.port)], {
    env: { NEXT_TELEMETRY_DISABLED: '1', APP_URL: url, NEXTAUTH_URL: url, WEB_CONCURRENCY: String(workers), ...opts.env },
    stdio: opts.inheritOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    reject: false,
    forceKillAfterDelay: 5000,
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { output += d.toString() })
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.status === 200 || opts.acceptStatus?.includes(res.status)) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill()
      throw new Error(`app did not become healthy within 60 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      child.kill('SIGTERM')
      await child
    },
  }
}
