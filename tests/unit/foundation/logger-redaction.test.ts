import { describe, expect, it } from 'vitest'
import { createLogger } from '@/lib/shared/logger'

/** Lines the app's logger (its real options) writes for one object. */
function logged(obj: object): string {
  let out = ''
  createLogger({ write: (line: string) => { out += line } }).warn(obj, 'x')
  return out
}

const SECRET = 'S3cr3t-value-never-logged'

describe('the app logger redacts secrets wherever they sit in a logged object', () => {
  it.each([
    ['a password', { password: SECRET }],
    ['a new password', { body: { newPassword: SECRET } }],
    ['a bearer header', { headers: { authorization: `Bearer ${SECRET}` } }],
    ['a cookie', { req: { headers: { cookie: `session=${SECRET}` } } }],
    ['a set-cookie', { headers: { 'set-cookie': `session=${SECRET}` } }],
    ['a refresh token', { body: { refreshToken: SECRET } }],
    ['a reset token', { token: SECRET }],
    ['a session token', { sessionToken: SECRET }],
    ['a csrf token', { body: { csrfToken: SECRET } }],
    ['next-auth credentials', { meta: { credentials: { email: 'a@b.c', password: SECRET } } }],
    ['a signed URL', { signedUrl: `https://bucket/x?X-Amz-Signature=${SECRET}` }],
    ['a redirect location', { headers: { location: `https://bucket/x?X-Amz-Signature=${SECRET}` } }],
  ])('%s', (_what, obj) => {
    const line = logged(obj)
    expect(line).toContain('[redacted]')
    expect(line).not.toContain(SECRET)
  })

  it('keeps the ids a line is for', () => {
    const line = JSON.parse(logged({ requestId: 'req-123456', userId: 'user-1', taskId: 'task-9' }))
    expect(line).toMatchObject({ requestId: 'req-123456', userId: 'user-1', taskId: 'task-9' })
  })
})
