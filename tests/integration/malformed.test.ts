import { describe, expect, it } from 'vitest'
import { api, registerAndSignIn } from './http'

const MB = 'x'.repeat(1024 * 1024)

describe('malformed input never causes a 500', () => {
  const cases: Array<[string, string, { json?: unknown; raw?: string; headers?: Record<string, string> }]> = [
    ['invalid JSON', '/api/auth/register', { raw: '{"email": "a@b.c", ', headers: { 'content-type': 'application/json' } }],
    ['JSON array', '/api/auth/register', { json: [1, 2, 3] }],
    ['JSON null', '/api/auth/register', { json: null }],
    ['wrong types', '/api/auth/register', { json: { email: 12, password: true, name: {} } }],
    ['missing fields', '/api/auth/register', { json: { email: 'only@email.co' } }],
    ['1 MB name', '/api/auth/register', { json: { email: 'big@test.co', password: 'long-enough-pw', name: MB } }],
    ['1 MB password', '/api/auth/token', { json: { email: 'big@test.co', password: MB } }],
    ['unknown extra field', '/api/auth/register', { json: { email: 'x@test.co', password: 'long-enough-pw', name: 'X', role: 'ADMIN' } }],
    ['not an email', '/api/auth/register', { json: { email: 'not-an-email', password: 'long-enough-pw', name: 'X' } }],
    ['form-encoded body', '/api/auth/token', { raw: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
    ['empty body', '/api/auth/token', { raw: '', headers: { 'content-type': 'application/json' } }],
    ['short password', '/api/auth/register', { json: { email: 'short@test.co', password: 'short', name: 'S' } }],
    ['refresh token of wrong type', '/api/auth/refresh', { json: { refreshToken: ['a'] } }],
    ['deeply nested junk', '/api/auth/token', { json: JSON.parse('['.repeat(500) + ']'.repeat(500)) }],
  ]

  for (const [name, path, opts] of cases) {
    it(`${name} → 4xx JSON error`, async () => {
      const res = await api('POST', path, opts)
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) })
    })
  }

  it('names the offending fields on 422', async () => {
    const res = await api('POST', '/api/auth/register', { json: { email: 'nope', password: 'x', name: '' } })
    expect(res.status).toBe(422)
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['email', 'name', 'password'])
  })

  it('rejects a body over the size limit with 413 without reading it all', async () => {
    const res = await api('POST', '/api/auth/register', { raw: JSON.stringify({ blob: 'y'.repeat(5 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
  })

  it('authenticated endpoints reject malformed bodies too, and leave the record unchanged', async () => {
    const s = await registerAndSignIn('malformed-me')
    const long = await api('PATCH', '/api/me', { token: s.accessToken, json: { name: 'n'.repeat(1000) } })
    expect(long.status).toBe(422)
    expect(long.body.error.fields.name).toBeDefined()
    const huge = await api('PATCH', '/api/me', { token: s.accessToken, json: { name: MB } })
    expect(huge.status).toBe(413)
    const junk = await api('PATCH', '/api/me', { token: s.accessToken, raw: 'not json', headers: { 'content-type': 'application/json' } })
    expect(junk.status).toBe(400)
    const me = await api('GET', '/api/me', { token: s.accessToken })
    expect(me.body.user.name).toBe('Test malformed-me')
  })
})
