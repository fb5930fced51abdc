import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { EnvSchema } from '@/lib/shared/env'
import { WorkerConfigSchema } from '@/worker/config'
import { variablesReadBy } from '@/scripts/lib/read-app-variables'

/**
 * docker-compose.yml and .env.example against what the code reads (the same list the CDK test
 * in infra/test/app-environment.test.ts starts from): every variable the web app or the worker
 * reads is given to its container and documented in .env.example, and the values compose
 * resolves from .env.example pass the app's own zod schemas.
 */
type Service = { image?: string; build?: unknown; command?: string[]; environment?: Record<string, string | null>; profiles?: string[]
  depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] }; volumes?: string[]; entrypoint?: string[] }
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> }
const services = compose.services

/** Read by the code but given by the runtime, never by configuration. */
const SET_BY_RUNTIME = ['PATH', 'npm_package_version']

/** `.env.example`: each `NAME=value` line, active or commented out (`# NAME=value`), and the
 * comment lines just above it. */
function readEnvExample(): { active: Record<string, string>; listed: Map<string, string> } {
  const active: Record<string, string> = {}
  const listed = new Map<string, string>()
  let comments: string[] = []
  let afterName = false
  for (const line of readFileSync('.env.example', 'utf8').split('\n')) {
    const m = /^(#\s*)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line)
    if (m) {
      if (!m[1]) active[m[2]] = m[3]
      listed.set(m[2], comments.join(' ')) // a group of names shares the comment above it
      afterName = true
    } else if (line.startsWith('#')) {
      comments = afterName ? [line.slice(1).trim()] : [...comments, line.slice(1).trim()]
      afterName = false
    } else {
      comments = []
      afterName = false
    }
  }
  return { active, listed }
}
const example = readEnvExample()

/** Compose's interpolation: ${X}, ${X:-default}, ${X:?message}, $$ for a literal $. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_]\w*)(?::([-?])([^}]*))?\}/g, (all, name: string | undefined, op: string, arg: string) => {
    if (!name) return '$'
    const v = vars[name]
    if (v !== undefined && v !== '') return v
    if (op === '?') throw new Error(`${name}: ${arg}`)
    return op === '-' ? arg : ''
  })
}
/** A service's environment as the container would see it with .env = .env.example. */
function resolved(service: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(services[service].environment ?? {})) {
    const value = v === null ? example.active[k] : interpolate(String(v), example.active)
    if (value !== undefined) env[k] = value
  }
  return env
}

describe('docker-compose.yml', () => {
  it.each(['web', 'worker'] as const)('gives the %s container every variable its code reads', (name) => {
    const env = services[name].environment ?? {}
    const read = variablesReadBy(name)
    expect(read.length).toBeGreaterThan(20)
    expect(read.filter((v) => !(v in env) && !SET_BY_RUNTIME.includes(v))).toEqual([])
  })

  it('resolves (with .env.example as .env) to values the app\'s schemas accept', () => {
    for (const name of ['web', 'worker']) {
      const env = resolved(name)
      const app = EnvSchema.safeParse(env)
      expect(app.success, `${name}: ${app.error?.message}`).toBe(true)
      expect(app.data!.NODE_ENV).toBe('production')
      if (name === 'worker') expect(WorkerConfigSchema.safeParse(env).success).toBe(true)
    }
    expect(resolved('web').WORKER_URL).toBe('http://worker:8080')
    expect(resolved('worker').WORKER_PORT).toBe('8080')
  })

  it('runs postgres:15 with a health check and a volume', () => {
    const pg = services.postgres
    expect(pg.image).toMatch(/^postgres:15\.\d+(-\w+)?$/)
    expect(pg.healthcheck?.test.join(' ')).toMatch(/pg_isready/)
    expect(pg.volumes).toContain('pgdata:/var/lib/postgresql/data')
    expect(compose.volumes).toHaveProperty('pgdata')
  })

  it('migrates once, from the web image, before the web app and the worker start', () => {
    const migrate = services.migrate
    expect(migrate.build).toBe('.')
    expect(migrate.command).toEqual(['node', 'node_modules/prisma/build/index.js', 'migrate', 'deploy'])
    expect(migrate.depends_on?.postgres).toEqual({ condition: 'service_healthy' })
    for (const name of ['web', 'worker']) expect(services[name].depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' })
  })

  it('builds the web app and the worker from their Dockerfiles', () => {
    expect(services.web.build).toBe('.')
    expect(services.worker.build).toEqual({ context: '.', dockerfile: 'worker/Dockerfile' })
  })

  it('has S3-compatible storage under the s3 profile, with the bucket created by a one-shot', () => {
    expect(services.minio.profiles).toEqual(['s3'])
    expect(services.minio.image).toMatch(/^minio\/minio:RELEASE\.\d{4}-/)
    const bucket = services['minio-bucket']
    expect(bucket.profiles).toEqual(['s3'])
    expect(bucket.depends_on?.minio).toEqual({ condition: 'service_healthy' })
    expect(bucket.command?.join(' ')).toMatch(/mc mb --ignore-existing "local\/\$\$S3_BUCKET"/)
    // The app's S3 settings point at it, and its bucket is the one the app uses.
    expect(resolved('web')).toMatchObject({ S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: resolved('minio-bucket').S3_BUCKET })
    expect(resolved('web').AWS_ACCESS_KEY_ID).toBe(resolved('minio').MINIO_ROOT_USER)
  })

  it('keeps the development loop: postgres and the worker reachable from the host', () => {
    expect(Object.keys(services).filter((s) => !services[s].profiles)).toEqual(expect.arrayContaining(['postgres', 'migrate', 'worker', 'web']))
    expect(services.postgres).toHaveProperty('ports')
    expect(services.worker).toHaveProperty('ports')
  })
})

describe('.env.example', () => {
  it('lists every variable the web app and the worker read, each with a comment', () => {
    const read = new Set([...variablesReadBy('web'), ...variablesReadBy('worker')])
    expect([...read].filter((v) => !example.listed.has(v))).toEqual([])
    expect([...example.listed].filter(([, comment]) => !comment).map(([name]) => name)).toEqual([])
  })

  it('lists every variable docker-compose.yml takes from .env', () => {
    const text = readFileSync('docker-compose.yml', 'utf8')
    const used = new Set([...text.matchAll(/\$\{([A-Za-z_]\w*)/g)].map((m) => m[1]))
    expect([...used].filter((v) => !example.listed.has(v))).toEqual([])
  })

  it('holds placeholders, not secrets, and its active values are valid for the development loop', () => {
    expect(example.active.AUTH_SECRET).toMatch(/^replace-me/)
    expect(example.active.WORKER_SECRET).toMatch(/^replace-me/)
    const parsed = EnvSchema.safeParse(example.active)
    expect(parsed.success, parsed.error?.message).toBe(true)
    expect(parsed.data).toMatchObject({ WORKER_URL: 'http://localhost:8080' })
    expect(example.active.DATABASE_URL).toMatch(/@localhost:5432\/bachata_buddy$/)
  })
})
