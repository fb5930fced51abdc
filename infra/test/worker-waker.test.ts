import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { WAKER_CODE } from '../lib/compute/worker-waker-code'

/**
 * The waker's inline code, run with the real AWS SDK v3 clients (what the Lambda runtime
 * ships) against a loopback server that speaks the ECS and Secrets Manager JSON protocol:
 * the only fake is AWS itself, on the wire.
 */
const SECRET = 'w'.repeat(48)
let server: Server
let desiredCount = 0
const calls: { target: string; body: Record<string, unknown> }[] = []

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = ''
  for await (const chunk of req) raw += chunk
  return raw ? JSON.parse(raw) : {}
}

type Handler = (event: unknown) => Promise<{ statusCode: number; body: string }>
let handler: Handler

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const target = String(req.headers['x-amz-target'])
    const body = await readJson(req)
    calls.push({ target, body })
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(json))
    }
    if (target === 'secretsmanager.GetSecretValue') return reply(200, { ARN: body.SecretId, Name: 'worker', SecretString: SECRET })
    if (target.endsWith('.DescribeServices')) return reply(200, { services: [{ serviceName: 'worker', desiredCount, runningCount: desiredCount }], failures: [] })
    if (target.endsWith('.UpdateService')) { desiredCount = Number(body.desiredCount); return reply(200, { service: { serviceName: 'worker', desiredCount } }) }
    reply(400, { __type: 'UnknownOperationException', message: target })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  // Test files share one process (vitest.config.ts): what is set here is undone in afterAll.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test',
    CLUSTER_ARN: 'arn:aws:ecs:us-east-1:123456789012:cluster/bb', SERVICE_NAME: 'worker',
    WORKER_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:worker',
  })
  const cjs = { exports: {} as { handler: Handler } }
  new Function('require', 'exports', 'module', WAKER_CODE)(createRequire(import.meta.url), cjs.exports, cjs)
  handler = cjs.exports.handler
})
const savedEnv = { ...process.env }
afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key]
  Object.assign(process.env, savedEnv)
  await new Promise<void>((resolve) => server.close(() => resolve()))
})
beforeEach(() => { calls.length = 0 })

const wake = (secret: string | undefined, path = '/jobs/wake', method = 'POST') =>
  handler({ rawPath: path, requestContext: { http: { method } }, headers: secret === undefined ? {} : { 'x-worker-secret': secret } })

describe('worker waker (function URL)', () => {
  it('refuses a missing or wrong secret with 401 and touches nothing', async () => {
    expect((await wake(undefined)).statusCode).toBe(401)
    expect((await wake('nope')).statusCode).toBe(401)
    expect(calls.filter((c) => c.target.includes('Service'))).toEqual([])
  })

  it('starts the worker (desired count 0 → 1) and answers 202', async () => {
    desiredCount = 0
    const res = await wake(SECRET)
    expect(res.statusCode).toBe(202)
    expect(JSON.parse(res.body)).toMatchObject({ woken: true })
    const update = calls.find((c) => c.target.endsWith('.UpdateService'))!
    expect(update.body).toEqual({ cluster: process.env.CLUSTER_ARN, service: 'worker', desiredCount: 1 })
  })

  it('leaves a running worker alone (it polls the queue itself)', async () => {
    desiredCount = 1
    const res = await wake(SECRET)
    expect(res.statusCode).toBe(202)
    expect(JSON.parse(res.body)).toMatchObject({ woken: false, running: 1 })
    expect(calls.some((c) => c.target.endsWith('.UpdateService'))).toBe(false)
  })

  it('reads the secret once per cold start, not per wake', async () => {
    await wake(SECRET)
    expect(calls.some((c) => c.target === 'secretsmanager.GetSecretValue')).toBe(false)
  })

  it('answers GET /health and 404 for anything else', async () => {
    expect((await wake(undefined, '/health', 'GET')).statusCode).toBe(200)
    expect((await wake(SECRET, '/jobs/wake', 'GET')).statusCode).toBe(404)
    expect((await wake(SECRET, '/other')).statusCode).toBe(404)
  })
})
