import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/shared/errors'
import { isSafeText, rejectUnsafeText } from '@/lib/shared/http/reject-unsafe-text'

const fieldsOf = (fn: () => void) => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return { status: (e as AppError).status, fields: (e as AppError).fields }
  }
  return null
}

describe('rejectUnsafeText', () => {
  it('tells text from NUL and unpaired surrogates', () => {
    expect(isSafeText('plain ñ 💃')).toBe(true)
    expect(isSafeText('a\u0000b')).toBe(false)
    expect(isSafeText('\uD83D')).toBe(false)
    expect(isSafeText('x\uDC00')).toBe(false)
    expect(isSafeText('\uD83D\uDC83')).toBe(true)
  })

  it('names the path of the first bad string, keys included', () => {
    expect(fieldsOf(() => rejectUnsafeText({ a: ['ok', { b: 'bad\u0000' }] }, 'body'))).toMatchObject({ status: 422, fields: { 'body.a.1.b': [expect.any(String)] } })
    expect(fieldsOf(() => rejectUnsafeText({ ['k\uD800']: 1 }, 'query'))?.fields).toHaveProperty('query')
    expect(fieldsOf(() => rejectUnsafeText({ a: 1, b: [true, null, 'fine'] }, 'body'))).toBeNull()
    expect(fieldsOf(() => rejectUnsafeText(undefined, 'params'))).toBeNull()
  })

  it('refuses nesting past 64 levels without recursing', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(fieldsOf(() => rejectUnsafeText(deep, 'body'))?.status).toBe(422)
    let ok: unknown = 'leaf'
    for (let i = 0; i < 60; i++) ok = { x: ok }
    expect(fieldsOf(() => rejectUnsafeText(ok, 'body'))).toBeNull()
  })
})
