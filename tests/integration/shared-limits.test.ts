import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { clientIp, consumeRateLimit, limitSignIn } from '@/lib/shared/http/rate-limit'
import { stampPeerAddresses } from '@/lib/shared/http/stamp-peer-address'
import { AppError } from '@/lib/shared/errors'
import { PASSWORD, registerAndSignIn, uniqueEmail } from './http'

// Two more app instances on the same database, configured as production is by default: no
// trusted proxy (TRUSTED_PROXY_HOPS=0). The suite's main instance trusts one hop, so tests can
// act as different clients; these two show what a client can and cannot do on its own.
let a: RunningApp
let b: RunningApp
beforeAll(async () => {
  const env = {
    DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: process.env.AUTH_SECRET!, DATA_DIR: process.env.DATA_DIR!,
    LOG_LEVEL: 'silent', TRUSTED_PROXY_HOPS: '0',
  }
  ;[a, b] = await Promise.all([startApp({ port: await freePort(), env }), startApp({ port: await freePort(), env })])
}, 120_000)
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
})

const signIn = (app: RunningApp, email: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/api/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password: 'wrong-password-123' }),
  }).then((r) => r.status)

describe('sign-in limits hold across instances and cannot be stepped around', () => {
  it('counts one account\'s attempts on both instances together', async () => {
    const email = uniqueEmail('two-instances')
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push(await signIn(i % 2 ? b : a, email))
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  it('ignores a client\'s own X-Forwarded-For when no proxy is trusted', async () => {
    const email = uniqueEmail('spoofed-xff')
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push(await signIn(a, email, { 'x-forwarded-for': `203.0.113.${i + 1}` }))
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  it('keys the browser sign-in on the email next-auth checks: the last of repeated fields, or JSON', async () => {
    const email = uniqueEmail('browser-keys')
    const csrf = await fetch(`${a.url}/api/auth/csrf`)
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const { csrfToken } = (await csrf.json()) as { csrfToken: string }
    const post = (body: string, type: string) => fetch(`${a.url}/api/auth/callback/credentials`, {
      method: 'POST', headers: { 'content-type': type, cookie }, body, redirect: 'manual',
    }).then((r) => r.status)
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      // A decoy first field used to be the key; next-auth signs in with the last one.
      const form = new URLSearchParams([['email', `decoy-${i}@x.test`], ['email', email], ['password', 'wrong-password-123'], ['csrfToken', csrfToken], ['json', 'true']])
      statuses.push(await post(form.toString(), 'application/x-www-form-urlencoded'))
      statuses.push(await post(JSON.stringify({ email: email.toUpperCase(), password: 'wrong-password-123', csrfToken, json: 'true' }), 'application/json'))
    }
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  it('a stranger\'s guesses do not lock the owner out: the owner comes from another address', async () => {
    const email = uniqueEmail('victim')
    for (let i = 0; i < 10; i++) await limitSignIn('198.51.100.66', email)
    await expect(limitSignIn('198.51.100.66', email)).rejects.toMatchObject({ status: 429 })
    await expect(limitSignIn('192.0.2.10', email)).resolves.toBeUndefined()
  })

  it('one address cannot walk through many accounts', async () => {
    // An address no other test uses (a random 198.51.100.x once drew .66, the victim test's, and
    // started 10 hits down): IPv6 documentation space with a fresh suffix per run.
    const ip = `2001:db8:5a1::${Math.floor(Math.random() * 0xffff).toString(16)}`
    let refused = 0
    for (let i = 0; i < 105; i++) {
      try {
        await limitSignIn(ip, uniqueEmail(`walk-${i}`))
      } catch (e) {
        expect(e).toBeInstanceOf(AppError)
        refused++
      }
    }
    expect(refused).toBe(5) // 10 × the per-account limit, then refused
  })
})

describe('the shared store', () => {
  it('allows `limit` hits per window, then 429 with Retry-After; other keys unaffected', async () => {
    const key = `store-${Math.random()}`
    for (let i = 0; i < 3; i++) await consumeRateLimit('unit', key, 3, 60_000)
    const err = await consumeRateLimit('unit', key, 3, 60_000).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).status).toBe(429)
    expect(Number((err as AppError).headers?.['Retry-After'])).toBeGreaterThan(55)
    await expect(consumeRateLimit('unit', `${key}-other`, 3, 60_000)).resolves.toBeUndefined()
  })

  it('a window ends: after it the key is free again', async () => {
    const key = `short-${Math.random()}`
    await consumeRateLimit('unit-short', key, 1, 1_000)
    await expect(consumeRateLimit('unit-short', key, 1, 1_000)).rejects.toMatchObject({ status: 429 })
    await new Promise((r) => setTimeout(r, 1_100))
    await expect(consumeRateLimit('unit-short', key, 1, 1_000)).resolves.toBeUndefined()
  })
})

describe('the client address', () => {
  it('is the socket peer unless proxies are trusted, and then N hops back', async () => {
    stampPeerAddresses()
    const seen: Headers[] = []
    const server = http.createServer((req, res) => {
      seen.push(new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)])))
      res.end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as AddressInfo).port
    await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '203.0.113.1, 198.51.100.2' } })
    await fetch(`http://127.0.0.1:${port}/`)
    server.close()
    expect(clientIp(seen[0], 0)).toBe('127.0.0.1')
    expect(clientIp(seen[0], 1)).toBe('198.51.100.2')
    expect(clientIp(seen[0], 2)).toBe('203.0.113.1')
    expect(clientIp(seen[0], 5)).toBe('203.0.113.1')
    expect(clientIp(seen[1], 1)).toBe('127.0.0.1')
    // A header a client sends itself is not the stamp: without stamping there is no address.
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.9' }), 0)).toBe('unknown')
  })
})

describe('the origin check of cookie-authenticated writes', () => {
  it('does not take X-Forwarded-Host from a client when no proxy is trusted', async () => {
    const { email } = await registerAndSignIn('origin-check')
    const csrf = await fetch(`${a.url}/api/auth/csrf`)
    const jar = new Map(csrf.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]))
    const { csrfToken } = (await csrf.json()) as { csrfToken: string }
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const signedIn = await fetch(`${a.url}/api/auth/callback/credentials`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
      body: new URLSearchParams({ email, password: PASSWORD, csrfToken, json: 'true' }),
    })
    for (const c of signedIn.headers.getSetCookie()) jar.set(...(c.split(';')[0].split('=') as [string, string]))
    let n = 0 // collection names are unique per owner: each write names a new one
    const write = (headers: Record<string, string>) => fetch(`${a.url}/api/collections`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: cookieHeader(), ...headers },
      body: JSON.stringify({ name: `Origin check ${++n}` }),
    }).then((r) => r.status)
    expect(await write({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' })).toBe(403)
    expect(await write({ origin: 'https://evil.example' })).toBe(403)
    expect(await write({ origin: a.url })).toBe(201)
    // No Origin at all: refused, unless the browser's own Sec-Fetch-Site says same-origin.
    expect(await write({})).toBe(403)
    expect(await write({ 'sec-fetch-site': 'cross-site' })).toBe(403)
    expect(await write({ origin: 'null' })).toBe(403)
    expect(await write({ 'sec-fetch-site': 'same-origin' })).toBe(201)
  })

  it('a bearer client needs no Origin: it carries its credential itself, no browser sends it for it', async () => {
    const s = await registerAndSignIn('bearer-no-origin')
    const res = await fetch(`${a.url}/api/collections`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.accessToken}` },
      body: JSON.stringify({ name: 'Bearer, no origin' }),
    })
    expect(res.status).toBe(201)
  })
})
