import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { execa, type ResultPromise } from 'execa'

/**
 * A real S3 protocol server (s3rver) in its own process on a loopback port, for the storage
 * contract tests and the worker's fault tests. Its own process, so "storage down" is a real
 * outage (kill) and a restart on the same port and directory brings the same objects back.
 */
export interface RunningS3rver {
  endpoint: string
  port: number
  bucket: string
  credentials: { accessKeyId: string; secretAccessKey: string }
  /** Stops the server (SIGKILL: open connections die too). */
  kill(): Promise<void>
  /** Starts it again on the same port and directory. */
  restart(): Promise<void>
}

const BIN = path.join(path.dirname(createRequire(import.meta.url).resolve('s3rver/package.json')), 'bin/s3rver.js')

async function spawn(dir: string, port: number, bucket: string): Promise<{ child: ResultPromise; port: number }> {
  const child = execa(process.execPath, [BIN, '-d', dir, '-a', '127.0.0.1', '-p', String(port), '--silent', '--configure-bucket', bucket], {
    reject: false, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const started = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`s3rver did not start:\n${output}`)), 15_000)
    const onData = (d: Buffer) => {
      output += d.toString()
      const m = /listening on [\d.]+:(\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void child.then(() => {
      clearTimeout(timer)
      reject(new Error(`s3rver exited:\n${output}`))
    })
  })
  return { child, port: started }
}

export async function startS3rver(opts: { dir: string; bucket?: string; port?: number }): Promise<RunningS3rver> {
  const bucket = opts.bucket ?? 'bachata-test'
  await mkdir(opts.dir, { recursive: true })
  let { child, port } = await spawn(opts.dir, opts.port ?? 0, bucket)
  return {
    get endpoint() { return `http://127.0.0.1:${port}` },
    get port() { return port },
    bucket,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async kill() {
      child.kill('SIGKILL')
      await child
    },
    async restart() {
      ;({ child, port } = await spawn(opts.dir, port, bucket))
    },
  }
}
