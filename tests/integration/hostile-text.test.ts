import { beforeAll, describe, expect, it } from 'vitest'
import { api, expectErrorShape, registerAndSignIn } from './http'

// Strings Postgres cannot store (NUL) or that are not text at all (an unpaired surrogate):
// each used to reach the database and come back as a 500.
let token: string
beforeAll(async () => {
  token = (await registerAndSignIn('hostile-text')).accessToken
})

const raw = (body: string) => ({ raw: body, headers: { 'content-type': 'application/json' } })

describe('NUL and unpaired surrogates are refused with 422, wherever they come in', () => {
  const cases: Array<[string, string, string, Parameters<typeof api>[2]]> = [
    ['NUL in a path id', 'GET', '/api/songs/abc%00def', {}],
    ['NUL in a move id', 'GET', '/api/moves/x%00y', {}],
    ['NUL in a query string', 'GET', '/api/moves?q=turn%00', {}],
    ['NUL in a history search', 'GET', '/api/choreographies?q=%00', {}],
    ['NUL in a JSON field', 'POST', '/api/collections', raw('{"name":"a\\u0000b"}')],
    ['NUL in a JSON key', 'POST', '/api/collections', raw('{"na\\u0000me":"ok"}')],
    ['lone high surrogate', 'POST', '/api/collections', raw('{"name":"a\\ud800b"}')],
    ['lone low surrogate', 'PATCH', '/api/me', raw('{"name":"\\udc00"}')],
    ['surrogate deep in a value', 'PATCH', '/api/me', raw('{"preferences":{"x":["ok",{"y":"\\ud83d"}]}}')],
    ['NUL in a request text', 'POST', '/api/requests/parse', raw('{"text":"two minutes\\u0000 of turns"}')],
  ]
  for (const [name, method, path, opts] of cases) {
    it(name, async () => {
      const res = await api(method, path, { ...opts, token })
      expectErrorShape(res, 422, 'validation_failed')
      expect(JSON.stringify(res.body.error.fields)).toMatch(/NUL character or an unpaired surrogate/)
    })
  }

  it('a paired surrogate (an emoji) is text and is kept', async () => {
    const res = await api('POST', '/api/collections', { token, json: { name: 'Turns 💃' } })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.collection.name).toBe('Turns 💃')
  })

  it('JSON nested past 64 levels is refused before any schema walks it', async () => {
    const deep = '{"name":"x","preferences":' + '{"a":'.repeat(80) + '1' + '}'.repeat(80) + '}'
    const res = await api('PATCH', '/api/me', { token, ...raw(deep) })
    expectErrorShape(res, 422, 'validation_failed')
  })

  it('NUL in a multipart field is refused and the upload stored nothing', async () => {
    const before = (await api('GET', '/api/songs?mine=true&pageSize=100', { token })).body.total
    const form = new FormData()
    form.append('title', 'bad\u0000title')
    form.append('file', new Blob([new Uint8Array(2048)]), 'song.mp3')
    const res = await api('POST', '/api/songs', { token, raw: form })
    expectErrorShape(res, 422, 'validation_failed')
    expect((await api('GET', '/api/songs?mine=true&pageSize=100', { token })).body.total).toBe(before)
  })
})

describe('API edges answer JSON', () => {
  it('an unknown /api path is a JSON 404, for any method, signed in or not', async () => {
    for (const [method, path] of [['GET', '/api/nope'], ['POST', '/api/songs/x/nope'], ['DELETE', '/api/a/b/c/d']]) {
      const res = await api(method, path, { token })
      expectErrorShape(res, 404, 'not_found')
      expect(res.headers.get('content-type')).toMatch(/application\/json/)
    }
    expectErrorShape(await api('GET', '/api/definitely/not/here'), 404, 'not_found')
  })

  it('authenticated answers and errors are never cached', async () => {
    for (const path of ['/api/me', '/api/choreographies', '/api/songs/nope']) {
      const res = await api('GET', path, { token })
      expect(res.headers.get('cache-control'), path).toBe('no-store')
    }
    expect((await api('GET', '/api/me')).headers.get('cache-control')).toBe('no-store')
  })

  it('every response pins https for browsers that reach it over TLS, and refuses sniffing and framing', async () => {
    for (const path of ['/', '/api/health', '/sign-in']) {
      const h = (await api('GET', path)).headers
      expect(h.get('strict-transport-security'), path).toMatch(/^max-age=\d{8}; includeSubDomains$/)
      expect(h.get('x-content-type-options'), path).toBe('nosniff')
      expect(h.get('x-frame-options'), path).toBe('DENY')
      expect(h.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
    }
  })
})

describe('wrong methods', () => {
  it('answer JSON 405 with the Allow header; OPTIONS lists the real methods', async () => {
    const cases: Array<[string, string, string]> = [
      ['PUT', '/api/songs', 'GET, HEAD, OPTIONS, POST'],
      ['DELETE', '/api/health', 'GET, HEAD, OPTIONS'],
      ['GET', '/api/auth/register', 'OPTIONS, POST'],
      ['POST', '/api/choreographies/x/video', 'GET, HEAD, OPTIONS'],
    ]
    for (const [method, path, allow] of cases) {
      const res = await api(method, path, { token })
      expectErrorShape(res, 405, 'method_not_allowed')
      expect(res.headers.get('allow'), path).toBe(allow)
      const options = await api('OPTIONS', path)
      expect(options.status).toBe(204)
      expect(options.headers.get('allow'), path).toBe(allow)
    }
  })
})
