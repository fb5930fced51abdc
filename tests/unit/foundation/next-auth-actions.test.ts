import { describe, expect, it } from 'vitest'
import { isNextAuthAction, isPlainTextRefusal, refuseNextAuthRequest } from '@/lib/shared/auth/next-auth-actions'

describe('isNextAuthAction', () => {
  it('lets through what the credentials sign-in uses and nothing else', () => {
    expect(isNextAuthAction('GET', ['session'])).toBe(true)
    expect(isNextAuthAction('GET', ['csrf'])).toBe(true)
    expect(isNextAuthAction('POST', ['callback', 'credentials'])).toBe(true)
    expect(isNextAuthAction('POST', ['signout'])).toBe(true)
    expect(isNextAuthAction('GET', ['callback', 'credentials'])).toBe(false)
    expect(isNextAuthAction('GET', ['_log'])).toBe(false)
    expect(isNextAuthAction('POST', ['csrf'])).toBe(false)
    expect(isNextAuthAction('POST', ['__proto__'])).toBe(false)
    expect(isNextAuthAction('PUT', ['session'])).toBe(false)
    expect(isNextAuthAction('GET', [])).toBe(false)
  })
})

describe('refuseNextAuthRequest', () => {
  const post = (body: string, type: string) => new Request('http://x/api/auth/callback/credentials', { method: 'POST', body, headers: { 'content-type': type } })
  it('refuses a JSON-labelled body that is not JSON with a 400, and an unknown action with a 404', async () => {
    expect((await refuseNextAuthRequest(post('a=1&b=2', 'application/json'), ['callback', 'credentials']))?.status).toBe(400)
    expect((await refuseNextAuthRequest(new Request('http://x/api/auth/nope'), ['nope']))?.status).toBe(404)
  })
  it('passes a JSON body, a form body, and leaves the body readable', async () => {
    const req = post('{"email":"a@b.c"}', 'application/json')
    expect(await refuseNextAuthRequest(req, ['callback', 'credentials'])).toBeNull()
    expect(await req.json()).toEqual({ email: 'a@b.c' })
    expect(await refuseNextAuthRequest(post('email=a', 'application/x-www-form-urlencoded'), ['callback', 'credentials'])).toBeNull()
  })
})

describe('isPlainTextRefusal', () => {
  it('is a text/plain 400 only', () => {
    expect(isPlainTextRefusal(new Response('[object Object]', { status: 400, headers: { 'content-type': 'text/plain' } }))).toBe(true)
    expect(isPlainTextRefusal(Response.json({ url: '/' }, { status: 400 }))).toBe(false)
    expect(isPlainTextRefusal(new Response('x', { status: 401, headers: { 'content-type': 'text/plain' } }))).toBe(false)
  })
})
