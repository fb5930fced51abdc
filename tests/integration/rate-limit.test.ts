import { describe, expect, it } from 'vitest'
import { api, uniqueEmail } from './http'

describe('rate limits on sign-in and sign-up (per IP + email)', () => {
  it('answers 429 with Retry-After after a burst of token requests, for that email only', async () => {
    const email = uniqueEmail('burst')
    const statuses: number[] = []
    for (let i = 0; i < 14; i++) {
      statuses.push((await api('POST', '/api/auth/token', { json: { email, password: 'wrong-password-123' } })).status)
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true)
    const limited = await api('POST', '/api/auth/token', { json: { email, password: 'wrong-password-123' } })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.body.error.code).toBe('rate_limited')
    // another email from the same IP is not affected
    expect((await api('POST', '/api/auth/token', { json: { email: uniqueEmail('other'), password: 'wrong-password-123' } })).status).toBe(401)
  })

  it('limits registration attempts too', async () => {
    const email = uniqueEmail('regburst')
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push((await api('POST', '/api/auth/register', { json: { email, password: 'long-enough-pw', name: 'R' } })).status)
    }
    expect(statuses[0]).toBe(201)
    expect(statuses.slice(1, 10).every((s) => s === 409)).toBe(true)
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true)
  })

  it('limits browser sign-in through next-auth as well', async () => {
    const email = uniqueEmail('browserburst')
    const csrf = await fetch(`${process.env.TEST_APP_URL}/api/auth/csrf`)
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const { csrfToken } = (await csrf.json()) as { csrfToken: string }
    let last = 0
    for (let i = 0; i < 11; i++) {
      const res = await fetch(`${process.env.TEST_APP_URL}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ email, password: 'wrong-password-123', csrfToken, json: 'true' }),
        redirect: 'manual',
      })
      last = res.status
    }
    expect(last).toBe(429)
  })
})
