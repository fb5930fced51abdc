import { describe, expect, it } from 'vitest'
import { isNextAuthAction } from '@/lib/shared/auth/next-auth-actions'

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
