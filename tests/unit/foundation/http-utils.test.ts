import { describe, expect, it, beforeAll } from 'vitest'
import { z } from 'zod'
import { readJsonBody } from '@/lib/shared/http/read-json-body'
import { safeCallbackPath } from '@/lib/shared/http/safe-callback-path'
import { zodFields } from '@/lib/shared/http/error-response'
import { getEnv } from '@/lib/shared/env'

beforeAll(() => {
  process.env.DATABASE_URL ??= 'postgresql://localhost:5432/unit'
})

function req(body: string | ReadableStream | null, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return new Request('http://x/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit)
}

describe('readJsonBody', () => {
  it('parses JSON within the limit', async () => {
    expect(await readJsonBody(req('{"a":1}'), 100)).toEqual({ a: 1 })
  })
  it('stops reading a streamed body as soon as it passes the limit', async () => {
    let pulled = 0
    const stream = new ReadableStream({
      pull(c) {
        pulled++
        c.enqueue(new TextEncoder().encode('x'.repeat(1024)))
        if (pulled > 10_000) c.close()
      },
    })
    await expect(readJsonBody(req(stream), 8 * 1024)).rejects.toMatchObject({ status: 413 })
    expect(pulled).toBeLessThan(20)
  })
  it('maps content type, emptiness and syntax to 415, 400, 400', async () => {
    await expect(readJsonBody(req('{}', { 'content-type': 'text/plain' }), 100)).rejects.toMatchObject({ status: 415 })
    await expect(readJsonBody(req('   '), 100)).rejects.toMatchObject({ status: 400 })
    await expect(readJsonBody(req('{nope'), 100)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/JSON/) })
  })
  it('returns undefined for no body at all, so the schema decides', async () => {
    expect(await readJsonBody(req(null, {}), 100)).toBeUndefined()
  })
})

describe('safeCallbackPath', () => {
  it.each([
    ['/home', '/home'],
    ['/admin/users?q=a', '/admin/users?q=a'],
    ['//evil.example/x', '/home'],
    ['https://evil.example', '/home'],
    ['/\\evil.example', '/home'],
    [undefined, '/home'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected)
  })
})

describe('errors and environment', () => {
  it('turns zod issues into field messages', () => {
    const r = z.object({ a: z.string(), b: z.object({ c: z.number() }) }).safeParse({ a: 1, b: { c: 'x' } })
    expect(r.success).toBe(false)
    if (!r.success) expect(Object.keys(zodFields(r.error)).sort()).toEqual(['a', 'b.c'])
  })
  it('fails fast naming the bad variable', () => {
    expect(() => getEnv({ DATABASE_URL: 'mysql://x' } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_URL/)
    expect(() => getEnv({ DATABASE_URL: 'postgresql://h/db', AUTH_SECRET: 'short' } as unknown as NodeJS.ProcessEnv)).toThrow(/AUTH_SECRET/)
    const env = getEnv({ DATABASE_URL: 'postgresql://h/db' } as unknown as NodeJS.ProcessEnv)
    expect(env.ACCESS_TOKEN_TTL_SECONDS).toBe(900)
    expect(env.REFRESH_TOKEN_TTL_SECONDS).toBe(7 * 24 * 3600)
  })
})
