import { createHash } from 'node:crypto'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { REFRESH_GRACE_SECONDS } from '@/lib/shared/auth/refresh-tokens'
import { deriveKey } from '@/lib/shared/auth/secrets'
import { getDb } from '@/lib/shared/db'
import { api, expectErrorShape, PASSWORD, registerAndSignIn, uniqueEmail } from './http'

describe('register, sign in, me', () => {
  it('registers, issues tokens and answers /api/me for the new user', async () => {
    const email = uniqueEmail('me')
    const reg = await api('POST', '/api/auth/register', { json: { email: email.toUpperCase(), password: PASSWORD, name: 'Rosa' } })
    expect(reg.status).toBe(201)
    expect(reg.body.user).toMatchObject({ email, name: 'Rosa', role: 'USER' })
    expect(reg.body.user).not.toHaveProperty('passwordHash')

    const tok = await api('POST', '/api/auth/token', { json: { email, password: PASSWORD } })
    expect(tok.status).toBe(200)
    expect(tok.body.tokenType).toBe('Bearer')
    const accessTtl = Date.parse(tok.body.accessTokenExpiresAt) - Date.now()
    expect(accessTtl).toBeGreaterThan(14 * 60_000)
    expect(accessTtl).toBeLessThanOrEqual(15 * 60_000)
    const refreshTtl = Date.parse(tok.body.refreshTokenExpiresAt) - Date.now()
    expect(refreshTtl).toBeGreaterThan(7 * 24 * 3600_000 - 60_000)

    const me = await api('GET', '/api/me', { token: tok.body.accessToken })
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ id: reg.body.user.id, email, name: 'Rosa', role: 'USER' })
    expect(JSON.stringify(me.body)).not.toMatch(/passwordHash|argon2/)
  })

  it('rejects a wrong password with a 401 JSON error, and an unknown email the same way', async () => {
    const { email } = await registerAndSignIn('wrongpw')
    const wrong = await api('POST', '/api/auth/token', { json: { email, password: 'not-the-password' } })
    expectErrorShape(wrong, 401, 'unauthenticated')
    const unknown = await api('POST', '/api/auth/token', { json: { email: uniqueEmail('ghost'), password: PASSWORD } })
    expectErrorShape(unknown, 401, 'unauthenticated')
    expect(unknown.body.error.message).toBe(wrong.body.error.message)
  })

  it('refuses a duplicate email (any case) with 409', async () => {
    const { email } = await registerAndSignIn('dup')
    const again = await api('POST', '/api/auth/register', { json: { email: email.toUpperCase(), password: PASSWORD, name: 'Other' } })
    expectErrorShape(again, 409, 'conflict')
  })

  it('requires authentication for /api/me', async () => {
    expectErrorShape(await api('GET', '/api/me'), 401, 'unauthenticated')
    expectErrorShape(await api('GET', '/api/me', { token: 'not.a.jwt-token' }), 401)
    expectErrorShape(await api('GET', '/api/me', { headers: { authorization: 'Basic abc' } }), 401)
  })
})

describe('refresh token rotation', () => {
  it('rotates on every use; the old token no longer works', async () => {
    const s = await registerAndSignIn('rotate')
    const r1 = await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })
    expect(r1.status).toBe(200)
    expect(r1.body.refreshToken).not.toBe(s.refreshToken)
    expect((await api('GET', '/api/me', { token: r1.body.accessToken })).status).toBe(200)
    const r2 = await api('POST', '/api/auth/refresh', { json: { refreshToken: r1.body.refreshToken } })
    expect(r2.status).toBe(200)
    expect(r2.body.refreshToken).not.toBe(r1.body.refreshToken)
  })

  it('revokes the whole family when a rotated token is reused after the grace window', async () => {
    const s = await registerAndSignIn('reuse')
    const r1 = await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })
    expect(r1.status).toBe(200)
    await ageSpend(s.refreshToken, REFRESH_GRACE_SECONDS + 1)
    // An attacker replays the original token:
    const replay = await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })
    expectErrorShape(replay, 401)
    expect(replay.body.error.message).toMatch(/reuse/i)
    // …and now the legitimate newest token is dead too, as is the access token of the family.
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: r1.body.refreshToken } }), 401)
    expectErrorShape(await api('GET', '/api/me', { token: r1.body.accessToken }), 401)
    // A fresh sign-in starts a new, working family.
    const again = await api('POST', '/api/auth/token', { json: { email: s.email, password: PASSWORD } })
    expect((await api('GET', '/api/me', { token: again.body.accessToken })).status).toBe(200)
  })

  it('two refreshes at once with the same token both get the one new pair, and the sign-in lives on', async () => {
    const s = await registerAndSignIn('two-tabs')
    const all = await Promise.all(Array.from({ length: 4 }, () => api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })))
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200])
    const tokens = new Set(all.map((r) => r.body.refreshToken))
    expect(tokens.size).toBe(1)
    expect(tokens.has(s.refreshToken)).toBe(false)
    for (const r of all) expect((await api('GET', '/api/me', { token: r.body.accessToken })).status).toBe(200)
    const next = await api('POST', '/api/auth/refresh', { json: { refreshToken: all[0].body.refreshToken } })
    expect(next.status).toBe(200)
    expect(next.body.refreshToken).not.toBe(all[0].body.refreshToken)
  })

  it('within the window a repeat gets the same pair; just outside it, the same repeat revokes the family', async () => {
    const s = await registerAndSignIn('grace-edge')
    const r1 = await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })
    await ageSpend(s.refreshToken, REFRESH_GRACE_SECONDS - 3)
    const again = await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })
    expect(again.status).toBe(200)
    expect(again.body.refreshToken).toBe(r1.body.refreshToken)
    await ageSpend(s.refreshToken, REFRESH_GRACE_SECONDS + 3)
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } }), 401)
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: r1.body.refreshToken } }), 401)
  })

  it('once the new token has been spent too, the old one is reuse even within the window', async () => {
    const s = await registerAndSignIn('grace-spent')
    const r1 = await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })
    const r2 = await api('POST', '/api/auth/refresh', { json: { refreshToken: r1.body.refreshToken } })
    expect(r2.status).toBe(200)
    const replay = await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })
    expectErrorShape(replay, 401)
    expect(replay.body.error.message).toMatch(/reuse/i)
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: r2.body.refreshToken } }), 401)
  })

  it('rejects unknown and malformed refresh tokens', async () => {
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: 'rt_' + 'A'.repeat(43) } }), 401)
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: 42 } }), 422, 'validation_failed')
  })

  it('logout revokes the family: refresh and access both stop working', async () => {
    const s = await registerAndSignIn('logout')
    const out = await api('POST', '/api/auth/logout', { token: s.accessToken })
    expect(out.status).toBe(200)
    expect(out.body.revoked).toBe(true)
    expectErrorShape(await api('GET', '/api/me', { token: s.accessToken }), 401)
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } }), 401)
  })
})

describe('access tokens', () => {
  async function forge(claims: { sub: string; fam: string }, expOffsetSeconds: number, key = deriveKey('access-token')) {
    const now = Math.floor(Date.now() / 1000)
    return new SignJWT({ fam: claims.fam, typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer('bachata-buddy')
      .setAudience('bachata-buddy-api')
      .setIssuedAt(now - 3600)
      .setExpirationTime(now + expOffsetSeconds)
      .sign(key)
  }

  function claimsOf(token: string) {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string; fam: string }
  }

  it('answers an expired access token with 401', async () => {
    const s = await registerAndSignIn('expired')
    const claims = claimsOf(s.accessToken)
    const valid = await forge(claims, 600)
    expect((await api('GET', '/api/me', { token: valid })).status).toBe(200) // the forge is faithful
    const expired = await forge(claims, -5)
    const res = await api('GET', '/api/me', { token: expired })
    expectErrorShape(res, 401, 'unauthenticated')
    expect(res.body.error.message).toMatch(/expired/i)
  })

  it('rejects a token signed with another key or an alg=none token', async () => {
    const s = await registerAndSignIn('forged')
    const claims = claimsOf(s.accessToken)
    const otherKey = new Uint8Array(32).fill(7)
    expectErrorShape(await api('GET', '/api/me', { token: await forge(claims, 600, otherKey) }), 401)
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${s.accessToken.split('.')[1]}.`
    expectErrorShape(await api('GET', '/api/me', { token: none }), 401)
  })
})

/** Time passes for one spent refresh token without waiting: its spend moves into the past. */
async function ageSpend(raw: string, seconds: number) {
  const tokenHash = createHash('sha256').update(raw).digest('hex')
  const moved = await getDb().refreshToken.updateMany({
    where: { tokenHash, usedAt: { not: null } }, data: { usedAt: new Date(Date.now() - seconds * 1000) },
  })
  expect(moved.count).toBe(1)
}
