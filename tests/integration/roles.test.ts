import { describe, expect, it } from 'vitest'
import { api, expectErrorShape, PASSWORD, registerAndSignIn, signInDemo } from './http'

describe('roles', () => {
  it('a USER calling an ADMIN endpoint gets 403', async () => {
    const s = await registerAndSignIn('plain')
    expectErrorShape(await api('GET', '/api/admin/users', { token: s.accessToken }), 403, 'forbidden')
    expectErrorShape(await api('PATCH', `/api/admin/users/${s.userId}`, { token: s.accessToken, json: { role: 'ADMIN' } }), 403)
    const me = await api('GET', '/api/me', { token: s.accessToken })
    expect(me.body.user.role).toBe('USER')
  })

  it('PATCH /api/me cannot change role, email or disabled; it changes name and preferences', async () => {
    const s = await registerAndSignIn('selfpromote')
    const res = await api('PATCH', '/api/me', {
      token: s.accessToken,
      json: { role: 'ADMIN', email: 'evil@example.com', disabled: true, name: 'Renamed', preferences: { mirror: true } },
    })
    expect(res.status).toBe(200)
    expect(res.body.user).toMatchObject({ role: 'USER', email: s.email, name: 'Renamed', preferences: { mirror: true } })
    const again = await api('PATCH', '/api/me', { token: s.accessToken, json: { preferences: { showCounts: false } } })
    expect(again.body.user.preferences).toEqual({ mirror: true, showCounts: false })
    expectErrorShape(await api('GET', '/api/admin/users', { token: s.accessToken }), 403)
    expectErrorShape(await api('PATCH', '/api/me', { token: s.accessToken, json: { preferences: { mirror: 'yes' } } }), 422)
  })

  it('an ADMIN lists users and changes a role, which takes effect at once', async () => {
    const admin = await signInDemo('ADMIN')
    const s = await registerAndSignIn('promote')
    const list = await api('GET', `/api/admin/users?q=${encodeURIComponent(s.email)}`, { token: admin.accessToken })
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(1)
    expect(list.body.items[0]).toMatchObject({ id: s.userId, email: s.email, role: 'USER' })
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash/)

    const patched = await api('PATCH', `/api/admin/users/${s.userId}`, { token: admin.accessToken, json: { role: 'INSTRUCTOR' } })
    expect(patched.status).toBe(200)
    expect(patched.body.user.role).toBe('INSTRUCTOR')
    // the user's existing token now carries the new role (read from the database per request)
    expect((await api('GET', '/api/me', { token: s.accessToken })).body.user.role).toBe('INSTRUCTOR')
  })

  it('an ADMIN cannot change their own role; unknown users are 404; bad roles 422', async () => {
    const admin = await signInDemo('ADMIN')
    expectErrorShape(await api('PATCH', `/api/admin/users/${admin.userId}`, { token: admin.accessToken, json: { role: 'USER' } }), 409)
    expectErrorShape(await api('PATCH', '/api/admin/users/does-not-exist', { token: admin.accessToken, json: { role: 'USER' } }), 404)
    const s = await registerAndSignIn('badrole')
    expectErrorShape(await api('PATCH', `/api/admin/users/${s.userId}`, { token: admin.accessToken, json: { role: 'ROOT' } }), 422)
    expectErrorShape(await api('PATCH', `/api/admin/users/${s.userId}`, { token: admin.accessToken, json: {} }), 422)
  })

  it('disabling an account ends its sessions and blocks sign-in', async () => {
    const admin = await signInDemo('ADMIN')
    const s = await registerAndSignIn('disable')
    expect((await api('PATCH', `/api/admin/users/${s.userId}`, { token: admin.accessToken, json: { disabled: true } })).status).toBe(200)
    expectErrorShape(await api('GET', '/api/me', { token: s.accessToken }), 401)
    expectErrorShape(await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } }), 401)
    expectErrorShape(await api('POST', '/api/auth/token', { json: { email: s.email, password: PASSWORD } }), 401)
  })
})

describe('user search', () => {
  it('takes % and _ literally', async () => {
    const admin = await signInDemo('ADMIN')
    const wild = await api('GET', '/api/admin/users?q=%25', { token: admin.accessToken })
    expect(wild.status).toBe(200)
    expect(wild.body.total).toBe(0)
    const under = await api('GET', '/api/admin/users?q=_', { token: admin.accessToken })
    expect(under.body.items.every((u: { email: string; name: string }) => `${u.email}${u.name}`.includes('_'))).toBe(true)
  })
})
