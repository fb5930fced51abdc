import { describe, expect, it } from 'vitest'
import { EnvSchema } from '../../lib/shared/env'
import { WorkerConfigSchema } from '../../worker/config'
import { ENV_SCHEMA_NAMES, readProcessEnvNames, variablesReadBy, WORKER_CONFIG_NAMES } from '../../scripts/lib/read-app-variables'
import { DB_SECRET_VAR, MAIL_VARIABLES, UNSET_ON_PURPOSE, WORKER_UNSET_ON_PURPOSE, webVcpus } from '../lib/app-environment'
import { loadConfig } from '../config/load-config'
import { build, resourcesOf, TARGETS, type Compute } from './helpers'

const EXTRA_READS = readProcessEnvNames()

interface Container { plain: Record<string, string | object>; secrets: string[]; port?: string }

/** The web and worker containers as the template defines them, per target. */
function containers(compute: Compute): { web: Container; worker: Container } {
  const t = build('prod', compute).template('services')
  if (compute === 'ecs') {
    const web = resourcesOf(t, 'AWS::ECS::ExpressGatewayService')[0][1].Properties.PrimaryContainer
    const worker = resourcesOf(t, 'AWS::ECS::TaskDefinition').find(([id]) => id.startsWith('EcsWorkerTask'))![1].Properties.ContainerDefinitions[0]
    const toContainer = (c: any): Container => ({
      plain: Object.fromEntries(c.Environment.map((e: any) => [e.Name, e.Value])),
      secrets: c.Secrets.map((s: any) => s.Name),
    })
    return { web: toContainer(web), worker: toContainer(worker) }
  }
  const svc = (name: string) => resourcesOf(t, 'AWS::AppRunner::Service').find(([, r]) => r.Properties.ServiceName === name)![1]
    .Properties.SourceConfiguration.ImageRepository.ImageConfiguration
  const toContainer = (c: any): Container => ({
    plain: Object.fromEntries(c.RuntimeEnvironmentVariables.map((e: any) => [e.Name, e.Value])),
    secrets: c.RuntimeEnvironmentSecrets.map((s: any) => s.Name),
    // App Runner sets PORT itself from the image configuration's port.
    port: c.Port,
  })
  return { web: toContainer(svc('bb-prod-web')), worker: toContainer(svc('bb-prod-worker')) }
}

const defined = (c: Container, name: string) =>
  name in c.plain || c.secrets.includes(name) || (name === 'PORT' && !!c.port) || (name === 'DATABASE_URL' && c.secrets.includes(DB_SECRET_VAR))

describe.each(TARGETS)('every variable the code reads is given to the containers (compute=%s)', (compute) => {
  it('finds the variables to check (the env schema and process.env reads were parsed)', () => {
    expect(ENV_SCHEMA_NAMES).toEqual(expect.arrayContaining(['DATABASE_URL', 'AUTH_SECRET', 'STORAGE_DRIVER', 'WORKER_URL', 'SMTP_HOST']))
    expect(WORKER_CONFIG_NAMES).toEqual(expect.arrayContaining(['WORKER_CONCURRENCY', 'RENDER_TIMEOUT_SECONDS']))
    expect([...EXTRA_READS]).toEqual(expect.arrayContaining(['SERVICE_NAME', 'DB_POOL_MAX', 'APP_VERSION']))
  })

  it('web: each variable of lib/shared/env.ts and every process.env read is set, a secret, or unset for a stated reason', () => {
    const { web } = containers(compute)
    const missing = variablesReadBy('web')
      .filter((n) => !defined(web, n) && !(n in UNSET_ON_PURPOSE) && !(MAIL_VARIABLES as readonly string[]).includes(n))
    expect(missing).toEqual([])
  })

  it('worker: the same for lib/shared/env.ts, worker/config.ts and process.env reads', () => {
    const { worker } = containers(compute)
    const missing = variablesReadBy('worker').filter((n) => !defined(worker, n) && !(n in UNSET_ON_PURPOSE) && !(n in WORKER_UNSET_ON_PURPOSE))
    expect(missing).toEqual([])
  })

  it('the "unset on purpose" list names only variables the code reads and the containers leave unset', () => {
    const read = new Set([...variablesReadBy('web'), ...variablesReadBy('worker')])
    const { web, worker } = containers(compute)
    for (const name of Object.keys(UNSET_ON_PURPOSE)) {
      expect(read.has(name), `${name} is not read by the code any more`).toBe(true)
      if (name === 'DATABASE_URL') continue
      expect(name in web.plain || name in worker.plain, `${name} is listed as unset but is set`).toBe(false)
    }
  })

  it('the plain values pass the app\'s own schemas (with the secrets filled in)', () => {
    const { web, worker } = containers(compute)
    const literal = (c: Container) => Object.fromEntries(Object.entries(c.plain).map(([k, v]) =>
      [k, typeof v === 'string' ? v : k.endsWith('_URL') ? 'https://resolved-at-deploy.example' : 'resolved-at-deploy']))
    const secrets = { DATABASE_URL: 'postgresql://u:p@db.internal:5432/bachata', AUTH_SECRET: 'x'.repeat(48), WORKER_SECRET: 'y'.repeat(48), GEMINI_API_KEY: 'k' }
    for (const [name, c] of [['web', web], ['worker', worker]] as const) {
      const env = { ...literal(c), ...secrets, ...(c.port ? { PORT: c.port } : {}) }
      const parsed = EnvSchema.safeParse(env)
      expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true)
      expect(parsed.data!.STORAGE_DRIVER).toBe('s3')
      expect(parsed.data!.NODE_ENV).toBe('production')
      if (name === 'worker') expect(WorkerConfigSchema.safeParse(env).success).toBe(true)
    }
  })
})

describe('web server processes (scripts/serve-web.mjs)', () => {
  it.each(TARGETS)('one per vCPU of the web task (compute=%s)', (compute) => {
    expect(containers(compute).web.plain.WEB_CONCURRENCY).toBe(String(webVcpus(loadConfig('prod', { compute }))))
  })
  it('counts Fargate CPU units and App Runner sizes as whole vCPUs, at least one', () => {
    const config = (compute: Compute, fargateCpu: number, appRunnerCpu: string) => {
      const c = loadConfig('prod', { compute })
      return { ...c, web: { ...c.web, fargate: { ...c.web.fargate, cpu: fargateCpu }, appRunner: { ...c.web.appRunner, cpu: appRunnerCpu } } }
    }
    expect(webVcpus(config('ecs', 2048, '1 vCPU'))).toBe(2)
    expect(webVcpus(config('ecs', 512, '1 vCPU'))).toBe(1)
    expect(webVcpus(config('apprunner', 1024, '4 vCPU'))).toBe(4)
    expect(webVcpus(config('apprunner', 1024, '0.25 vCPU'))).toBe(1)
  })
})
