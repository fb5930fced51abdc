import { describe, expect, it } from 'vitest'
import { api, expectErrorShape, PASSWORD, registerAndSignIn, signInDemo } from './http'

const NEW_PASSWORD = 'changed-on-purpose-77'

describe('password change (signed in, current password required)', () => {
  it('refuses a wrong current password and a weak new one', async () => {
    const s = await registerAndSignIn('chpw-wrong')
    const wrong = await api('POST', '/api/me/password', { token: s.accessToken, json: { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD } })
    expectErrorShape(wrong, 422, 'validation_failed')
    expect(wrong.body.error.fields.currentPassword).toEqual(['is not correct'])
    const weak = await api('POST', '/api/me/password', { token: s.accessToken, json: { currentPassword: PASSWORD, newPassword: 'short' } })
    expectErrorShape(weak, 422)
    expect(weak.body.error.fields.newPassword).toBeTruthy()
    expectErrorShape(await api('POST', '/api/me/password', { json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }), 401)
    // Nothing changed: the old password and the session still work.
    expect((await api('GET', '/api/me', { token: s.accessToken })).status).toBe(200)
    expect((await api('POST', '/api/auth/token', { json: { email: s.email, password: PASSWORD } })).status).toBe(200)
  })

  it('revokes every other sign-in and hands the caller a fresh one', async () => {
    const s = await registerAndSignIn('chpw')
    const other = await api('POST', '/api/auth/token', { json: { email: s.email, password: PASSWORD } })
    const res = await api('POST', '/api/me/password', { token: s.accessToken, json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })
    expect(res.status).toBe(200)
    expect(res.body.changed).toBe(true)
    expect(res.body.refreshToken).not.toBe(s.refreshToken)
    // The other sign-in is dead, refresh and access token alike…
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: other.body.refreshToken } }), 401)
    expectErrorShape(await api('GET', '/api/me', { token: other.body.accessToken }), 401)
    // …and so are the caller's old tokens; its new ones work.
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } }), 401)
    expect((await api('GET', '/api/me', { token: res.body.accessToken })).status).toBe(200)
    expect((await api('POST', '/api/auth/refresh', { json: { refreshToken: res.body.refreshToken } })).status).toBe(200)
    expectErrorShape(await api('POST', '/api/auth/token', { json: { email: s.email, password: PASSWORD } }), 401)
    expect((await api('POST', '/api/auth/token', { json: { email: s.email, password: NEW_PASSWORD } })).status).toBe(200)
  })
})

describe('preferences', () => {
  it('stores level, style, length and the count overlay; null clears one; bad values are 422', async () => {
    const s = await registerAndSignIn('prefs')
    const set = await api('PATCH', '/api/me', {
      token: s.accessToken,
      json: { preferences: { preferredDifficulty: 'beginner', preferredStyle: 'sensual', preferredDurationSeconds: 90, showCounts: false } },
    })
    expect(set.status).toBe(200)
    expect(set.body.user.preferences).toEqual({ preferredDifficulty: 'beginner', preferredStyle: 'sensual', preferredDurationSeconds: 90, showCounts: false })
    const cleared = await api('PATCH', '/api/me', { token: s.accessToken, json: { preferences: { preferredStyle: null } } })
    expect(cleared.body.user.preferences).toEqual({ preferredDifficulty: 'beginner', preferredDurationSeconds: 90, showCounts: false })
    expectErrorShape(await api('PATCH', '/api/me', { token: s.accessToken, json: { preferences: { preferredStyle: 'salsa' } } }), 422)
    expectErrorShape(await api('PATCH', '/api/me', { token: s.accessToken, json: { preferences: { preferredDurationSeconds: 5 } } }), 422)
  })
})

describe('instructor profile', () => {
  it('an instructor saves bio, school and links; a USER gets 403', async () => {
    const instructor = await signInDemo('INSTRUCTOR')
    const body = { bio: 'Teaching bachata since 2012.', school: 'Casa del Son', links: [{ label: 'Website', url: 'https://casa.example/classes' }] }
    const saved = await api('PUT', '/api/me/instructor-profile', { token: instructor.accessToken, json: body })
    expect(saved.status).toBe(200)
    expect(saved.body.profile).toEqual(body)
    expect((await api('GET', '/api/me/instructor-profile', { token: instructor.accessToken })).body.profile).toEqual(body)

    const bad = await api('PUT', '/api/me/instructor-profile', {
      token: instructor.accessToken, json: { ...body, links: [{ label: 'x', url: 'javascript:alert(1)' }] },
    })
    expectErrorShape(bad, 422)
    const user = await registerAndSignIn('not-instructor')
    expectErrorShape(await api('GET', '/api/me/instructor-profile', { token: user.accessToken }), 403, 'forbidden')
    expectErrorShape(await api('PUT', '/api/me/instructor-profile', { token: user.accessToken, json: body }), 403)
  })
})
