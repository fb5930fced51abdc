import { describe, expect, it } from 'vitest'
import { readMailTo, resetLinkIn, waitForMail } from '@/tests/fixtures/read-mail-sink'
import { api, BASE_URL, expectErrorShape, PASSWORD, registerAndSignIn, signInDemo, uniqueEmail } from './http'

const NEW_PASSWORD = 'a-brand-new-passphrase'

async function requestReset(email: string, ip = '203.0.113.7') {
  return api('POST', '/api/auth/password-reset', { json: { email }, headers: { 'x-forwarded-for': ip } })
}

async function mailedToken(email: string, skip = 0) {
  const mail = await waitForMail(email, { subject: /reset/i, skip })
  const link = resetLinkIn(mail)
  return { mail, link, token: new URLSearchParams(link.hash.slice(1)).get('token')! }
}

describe('password reset by email (real SMTP server on loopback)', () => {
  it('mails a link that sets a new password once; the old password and old tokens stop working', async () => {
    const s = await registerAndSignIn('reset')
    const res = await requestReset(s.email)
    expect(res.status).toBe(202)
    expect(JSON.stringify(res.body)).not.toMatch(/pr_/)

    const { mail, link, token } = await mailedToken(s.email)
    expect(mail.from).toMatch(/no-reply@test\.bachata\.buddy/)
    expect(link.origin).toBe(new URL(BASE_URL).origin)
    expect(link.pathname).toBe('/reset-password')
    expect(token).toMatch(/^pr_[A-Za-z0-9_-]{43}$/)
    // The page the link opens exists and carries no token in its URL path or query.
    expect((await fetch(new URL('/reset-password', BASE_URL))).status).toBe(200)

    const done = await api('POST', '/api/auth/password-reset/confirm', { json: { token, password: NEW_PASSWORD } })
    expect(done.status).toBe(200)
    expect(done.body).toEqual({ reset: true })

    // Single use.
    const again = await api('POST', '/api/auth/password-reset/confirm', { json: { token, password: 'yet-another-password' } })
    expectErrorShape(again, 400, 'bad_request')
    // The old password fails, the new one signs in.
    expectErrorShape(await api('POST', '/api/auth/token', { json: { email: s.email, password: PASSWORD } }), 401)
    expect((await api('POST', '/api/auth/token', { json: { email: s.email, password: NEW_PASSWORD } })).status).toBe(200)
    // Every earlier sign-in is revoked: refresh token and access token.
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } }), 401)
    expectErrorShape(await api('GET', '/api/me', { token: s.accessToken }), 401)
  })

  it('answers an unknown email exactly as a known one, and mails nobody', async () => {
    const known = await registerAndSignIn('enum-known')
    const ghost = uniqueEmail('enum-ghost')
    const a = await requestReset(known.email)
    const b = await requestReset(ghost)
    expect(b.status).toBe(a.status)
    expect(b.body).toEqual(a.body)
    expect([...b.headers.keys()].sort()).toEqual([...a.headers.keys()].sort())
    await waitForMail(known.email) // the known one's mail has gone out…
    await new Promise((r) => setTimeout(r, 500))
    expect(await readMailTo(ghost)).toEqual([]) // …and still none for the unknown one
  })

  it('applies the sign-up password rules to the new password', async () => {
    const s = await registerAndSignIn('reset-rules')
    await requestReset(s.email)
    const { token } = await mailedToken(s.email)
    const short = await api('POST', '/api/auth/password-reset/confirm', { json: { token, password: 'short' } })
    expectErrorShape(short, 422, 'validation_failed')
    expect(short.body.error.fields.password).toBeTruthy()
    // The refused attempt did not spend the token.
    expect((await api('POST', '/api/auth/password-reset/confirm', { json: { token, password: NEW_PASSWORD } })).status).toBe(200)
  })

  it('keeps one live link per account: a newer request spends the older link', async () => {
    const s = await registerAndSignIn('reset-twice')
    await requestReset(s.email)
    const first = await mailedToken(s.email)
    await requestReset(s.email)
    const second = await mailedToken(s.email, 1)
    expect(second.token).not.toBe(first.token)
    expectErrorShape(await api('POST', '/api/auth/password-reset/confirm', { json: { token: first.token, password: NEW_PASSWORD } }), 400)
    expect((await api('POST', '/api/auth/password-reset/confirm', { json: { token: second.token, password: NEW_PASSWORD } })).status).toBe(200)
  })

  it('has no dev mailbox in production: the mail went to SMTP only', async () => {
    expect((await fetch(new URL('/dev/mailbox', BASE_URL))).status).toBe(404)
  })

  it('refuses unknown and malformed tokens with the one message', async () => {
    const unknown = await api('POST', '/api/auth/password-reset/confirm', { json: { token: `pr_${'A'.repeat(43)}`, password: NEW_PASSWORD } })
    expectErrorShape(unknown, 400, 'bad_request')
    expectErrorShape(await api('POST', '/api/auth/password-reset/confirm', { json: { token: 'nope', password: NEW_PASSWORD } }), 422)
  })

  it('a disabled account gets no mail, and a link mailed before it was disabled no longer works', async () => {
    const admin = await signInDemo('ADMIN')
    const s = await registerAndSignIn('reset-disabled')
    await requestReset(s.email)
    const { token } = await mailedToken(s.email)
    expect((await api('PATCH', `/api/admin/users/${s.userId}`, { token: admin.accessToken, json: { disabled: true } })).status).toBe(200)
    expectErrorShape(await api('POST', '/api/auth/password-reset/confirm', { json: { token, password: NEW_PASSWORD } }), 400)
    const res = await requestReset(s.email)
    expect(res.status).toBe(202)
    await new Promise((r) => setTimeout(r, 1500))
    expect(await readMailTo(s.email)).toHaveLength(1)
  })

  it('rate limits requests per IP and email with 429 and Retry-After', async () => {
    const email = uniqueEmail('reset-burst')
    const ip = '198.51.100.23'
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await requestReset(email, ip)).status)
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202])
    expect(statuses.slice(5)).toEqual([429, 429])
    const limited = await requestReset(email, ip)
    expectErrorShape(limited, 429, 'rate_limited')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another email from the same address is not held up.
    expect((await requestReset(uniqueEmail('reset-other'), ip)).status).toBe(202)
  })
})
