/**
 * The ECS target's wake endpoint (a Lambda function URL; the web app's WORKER_URL). It speaks
 * the worker's own contract, POST /jobs/wake with `x-worker-secret`, compared in constant
 * time, and answers 202 once a worker task is running or starting: it raises the worker
 * service's desired count to 1 when it is 0. A new task drains the queue on start, and one
 * already running polls every WORKER_POLL_SECONDS, so nothing has to be forwarded to it.
 * Inline (no bundling): only the AWS SDK v3 that the nodejs22.x runtime ships.
 */
export const WAKER_CODE = `
const { ECSClient, DescribeServicesCommand, UpdateServiceCommand } = require('@aws-sdk/client-ecs')
const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager')
const { timingSafeEqual, createHash } = require('node:crypto')
const ecs = new ECSClient({})
const sm = new SecretsManagerClient({})
let secret
const digest = (s) => createHash('sha256').update(String(s)).digest()
const reply = (statusCode, body) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

exports.handler = async (event) => {
  const method = event.requestContext && event.requestContext.http && event.requestContext.http.method
  if (event.rawPath === '/health' && method === 'GET') return reply(200, { ok: true, role: 'waker' })
  if (event.rawPath !== '/jobs/wake' || method !== 'POST') return reply(404, { error: { code: 'not_found', message: 'POST /jobs/wake' } })
  // The secret is fetched once per cold start: a rotation reaches new instances within minutes.
  if (!secret) secret = (await sm.send(new GetSecretValueCommand({ SecretId: process.env.WORKER_SECRET_ARN }))).SecretString
  const given = (event.headers || {})['x-worker-secret'] || ''
  if (!secret || !timingSafeEqual(digest(given), digest(secret))) return reply(401, { error: { code: 'unauthorized', message: 'bad worker secret' } })
  const target = { cluster: process.env.CLUSTER_ARN, service: process.env.SERVICE_NAME }
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: target.cluster, services: [target.service] }))
  const service = services && services[0]
  if (!service) return reply(503, { error: { code: 'unavailable', message: 'worker service not found' } })
  if (service.desiredCount < 1) await ecs.send(new UpdateServiceCommand({ ...target, desiredCount: 1 }))
  return reply(202, { woken: service.desiredCount < 1, running: service.runningCount })
}
`
