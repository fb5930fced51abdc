import { mkdtempSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { startSmtpSink, type RunningSmtpSink } from '@/scripts/lib/smtp-sink'
import { resetLinkIn, waitForMail } from '@/tests/fixtures/read-mail-sink'
import { startS3rver, type RunningS3rver } from '../unit/storage/start-s3rver'
import { uniqueEmail } from './http'

/**
 * The log of a real run holds no secret. An instance of its own, logging everything (debug),
 * on S3 storage (so media reads are signed URLs) with its own SMTP server, goes through the
 * flows that handle secrets: sign-up, sign-in (token API and browser), refresh, a signed
 * media URL, a wrong password, a password reset. Then its whole output is searched for every
 * secret the flow used, and for the ids it must carry.
 */
let app: RunningApp
let s3: RunningS3rver
let smtp: RunningSmtpSink
const secrets = new Map<string, string>()
const keep = (what: string, value: string) => {
  expect(value.length, what).toBeGreaterThanOrEqual(8)
  secrets.set(what, value)
  return value
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bb-log-secrets-'))
  s3 = await startS3rver({ dir: path.join(dir, 's3') })
  smtp = await startSmtpSink({ port: await freePort(), dir: path.join(dir, 'mail') })
  app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: process.env.AUTH_SECRET!, LOG_LEVEL: 'debug',
    STORAGE_DRIVER: 's3', S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_USER: smtp.user, SMTP_PASSWORD: smtp.password,
    METRICS_TOKEN: 'log-test-metrics-token-0123456789',
  } })
}, 180_000)
afterAll(async () => {
  await app?.stop()
  await smtp?.stop()
  await s3?.kill()
})

const call = (p: string, init: RequestInit & { json?: unknown; token?: string } = {}) => fetch(`${app.url}${p}`, {
  ...init, redirect: 'manual',
  headers: {
    ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    ...(init.headers as Record<string, string>),
  },
  body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
})

describe('the log of a real run', () => {
  it('carries request and user ids and none of the secrets the run used', async () => {
    const email = uniqueEmail('log-secrets')
    const password = keep('password', 'first-Password-8765!')
    const reg = await call('/api/auth/register', { method: 'POST', json: { email, password, name: 'Log Secrets' } })
    expect(reg.status).toBe(201)
    const userId = (await reg.json()).user.id as string

    expect((await call('/api/auth/token', { method: 'POST', json: { email, password: keep('wrong password', 'not-the-Password-4321') } })).status).toBe(401)
    const tok = await (await call('/api/auth/token', { method: 'POST', json: { email, password } })).json()
    keep('access token', tok.accessToken)
    keep('refresh token', tok.refreshToken)
    const refreshed = await call('/api/auth/refresh', { method: 'POST', json: { refreshToken: tok.refreshToken } })
    expect(refreshed.status).toBe(200)
    const pair = await refreshed.json()
    const access = keep('refreshed access token', pair.accessToken)
    keep('refreshed refresh token', pair.refreshToken)

    // The browser sign-in: a session cookie, then a signed-in request with it.
    const csrf = await call('/api/auth/csrf')
    let cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const { csrfToken } = await csrf.json()
    keep('csrf token', csrfToken)
    const form = new URLSearchParams({ email, password, csrfToken, json: 'true' })
    const signIn = await call('/api/auth/callback/credentials', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: form.toString(),
    })
    const session = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => /session-token=/.test(c))
    expect(session, 'a session cookie').toBeTruthy()
    keep('session cookie', session!.split('=').slice(1).join('='))
    cookie = `${cookie}; ${session}`
    const me = await call('/api/me', { headers: { cookie } })
    expect(me.status).toBe(200)

    // A signed media URL: the upload goes to S3, its audio read is a redirect to a signed URL.
    const [demo] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: true })
    const upload = new FormData()
    upload.append('title', 'Log secrets song')
    upload.append('file', new Blob([await readFile(demo.mp3!)], { type: 'audio/mpeg' }), 'song.mp3')
    const created = await call('/api/songs', { method: 'POST', token: access, body: upload })
    expect(created.status).toBe(202)
    const songId = (await created.json()).song.id as string
    const audio = await call(`/api/songs/${songId}/audio`, { token: access })
    expect(audio.status).toBe(302)
    const signed = new URL(audio.headers.get('location')!)
    keep('signed URL signature', signed.searchParams.get('X-Amz-Signature')!)
    keep('signed URL', signed.toString())
    expect((await fetch(signed)).status).toBe(200)

    // A password reset: the mailed token and the new password.
    expect((await call('/api/auth/password-reset', { method: 'POST', json: { email } })).status).toBe(202)
    const link = resetLinkIn(await waitForMail(email, { dir: smtp.dir }))
    const resetToken = keep('reset token', new URLSearchParams(link.hash.slice(1)).get('token')!)
    const newPassword = keep('new password', 'second-Password-2468!')
    expect((await call('/api/auth/password-reset/confirm', { method: 'POST', json: { token: resetToken, password: newPassword } })).status).toBe(200)

    keep('metrics token', 'log-test-metrics-token-0123456789')
    expect((await call('/api/metrics', { headers: { authorization: 'Bearer log-test-metrics-token-0123456789' } })).status).toBe(200)
    keep('AUTH_SECRET', process.env.AUTH_SECRET!)
    keep('SMTP password', smtp.password)

    await app.stop() // every line flushed
    const log = app.output()
    const requests = log.split('\n').filter((l) => l.includes('"msg":"request"')).map((l) => JSON.parse(l))
    expect(requests.length).toBeGreaterThanOrEqual(10)
    // Each request line has its request id; the signed-in ones their user's id.
    expect(requests.every((r) => typeof r.requestId === 'string' && r.requestId.length >= 8)).toBe(true)
    expect(requests.find((r) => r.route === '/api/me')).toMatchObject({ userId, status: 200 })
    expect(requests.find((r) => r.route === '/api/songs/[id]/audio')).toMatchObject({ userId, path: `/api/songs/${songId}/audio` })
    for (const [what, value] of secrets) expect(log.includes(value), `${what} appears in the log`).toBe(false)
  }, 180_000)
})
