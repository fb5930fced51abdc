import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { api, BASE_URL, PASSWORD, registerAndSignIn, signInDemo } from './http'

// The per-request session check is cached per process (SESSION_CACHE_SECONDS). A second
// instance of its own, with a TTL long enough that "still cached" cannot be a race, plays the
// other instance: what changes on the suite's app reaches it only when its entry expires.
const TTL_SECONDS = 8
/** Access tokens issued by the other instance live this long (its verified-token cache must drop them). */
const ACCESS_TTL_SECONDS = 3
const NEW_PASSWORD = 'changed-on-purpose-78'
let other: RunningApp

async function me(url: string, token: string) {
  return (await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status
}

/** The role the session carries (GET /api/me reads the profile fresh; the role check does not). */
async function canAdminister(url: string, token: string) {
  const status = (await fetch(`${url}/api/admin/users?pageSize=1`, { headers: { authorization: `Bearer ${token}` } })).status
  if (status !== 200 && status !== 403) throw new Error(`unexpected ${status}`)
  return status === 200
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  other = await startApp({ port: await freePort(), env: {
    DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: process.env.AUTH_SECRET!, DATA_DIR: process.env.DATA_DIR!,
    LOG_LEVEL: 'warn', RATE_LIMIT_DISABLED: '1', SESSION_CACHE_SECONDS: String(TTL_SECONDS), ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS),
  } })
}, 180_000)
afterAll(() => other?.stop())

describe('session cache', () => {
  it('a role change applies at once on the instance that made it, and within the TTL on another', async () => {
    const admin = await signInDemo('ADMIN')
    const s = await registerAndSignIn('cache-role')
    // Both instances have the session cached as a plain USER.
    expect(await canAdminister(BASE_URL, s.accessToken)).toBe(false)
    expect(await canAdminister(other.url, s.accessToken)).toBe(false)
    const cachedAt = Date.now()
    expect((await api('PATCH', `/api/admin/users/${s.userId}`, { token: admin.accessToken, json: { role: 'ADMIN' } })).status).toBe(200)
    // Here: the next request.
    expect(await canAdminister(BASE_URL, s.accessToken)).toBe(true)
    // There: the cached role until its entry expires…
    expect(await canAdminister(other.url, s.accessToken)).toBe(false)
    // …and the new one once the TTL has passed.
    await sleep(TTL_SECONDS * 1000 - (Date.now() - cachedAt) + 200)
    expect(await canAdminister(other.url, s.accessToken)).toBe(true)
  }, 60_000)

  it('a sign-out elsewhere ends the session on the cached instance within the TTL', async () => {
    const s = await registerAndSignIn('cache-logout')
    expect(await me(other.url, s.accessToken)).toBe(200)
    const cachedAt = Date.now()
    expect((await api('POST', '/api/auth/logout', { token: s.accessToken, json: {} })).body.revoked).toBe(true)
    expect((await api('GET', '/api/me', { token: s.accessToken })).status).toBe(401)
    expect(await me(other.url, s.accessToken)).toBe(200) // served from its cache
    await sleep(TTL_SECONDS * 1000 - (Date.now() - cachedAt) + 200)
    expect(await me(other.url, s.accessToken)).toBe(401)
  }, 60_000)

  it('on the instance itself, sign-out, disable, and a password change apply to the next request', async () => {
    const admin = await signInDemo('ADMIN')
    const call = (method: string, path: string, token: string, json?: unknown) => fetch(`${other.url}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: other.url }, body: json === undefined ? undefined : JSON.stringify(json),
    })
    const out = await registerAndSignIn('cache-out')
    expect(await me(other.url, out.accessToken)).toBe(200)
    expect((await call('POST', '/api/auth/logout', out.accessToken, {})).status).toBe(200)
    expect(await me(other.url, out.accessToken)).toBe(401)

    const off = await registerAndSignIn('cache-disable')
    expect(await me(other.url, off.accessToken)).toBe(200)
    expect((await call('PATCH', `/api/admin/users/${off.userId}`, admin.accessToken, { disabled: true })).status).toBe(200)
    expect(await me(other.url, off.accessToken)).toBe(401)

    const pw = await registerAndSignIn('cache-password')
    const second = await api('POST', '/api/auth/token', { json: { email: pw.email, password: PASSWORD } })
    expect(await me(other.url, second.body.accessToken)).toBe(200)
    expect((await call('POST', '/api/me/password', pw.accessToken, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200)
    expect(await me(other.url, second.body.accessToken)).toBe(401)
  }, 60_000)

  it('a verified access token is remembered only until it expires', async () => {
    const s = await registerAndSignIn('cache-expiry')
    const res = await fetch(`${other.url}/api/auth/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: s.email, password: PASSWORD }),
    })
    const { accessToken } = await res.json() as { accessToken: string }
    const issuedAt = Date.now()
    expect(await me(other.url, accessToken)).toBe(200)
    expect(await me(other.url, accessToken)).toBe(200) // the second from the cache of verified tokens
    await sleep(ACCESS_TTL_SECONDS * 1000 - (Date.now() - issuedAt) + 1200)
    const expired = await fetch(`${other.url}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } })
    expect(expired.status).toBe(401)
    expect((await expired.json() as { error: { message: string } }).error.message).toMatch(/expired/)
  }, 60_000)
})
