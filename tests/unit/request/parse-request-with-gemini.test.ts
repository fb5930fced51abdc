import { createServer } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/lib/shared/errors'
import { DIFFICULTIES, FAMILIES } from '@/lib/engines/dance/vocabulary'
import { parseRequest } from '@/lib/engines/request/parse-request'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { parseRequestWithGemini } from '@/lib/engines/request/parse-request-with-gemini'
import { ChoreographyParamsSchema, type ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { startFakeGemini, type FakeGemini, type GeminiReply } from '../../fakes/gemini-server'

const TEXT = 'romantic beginner routine with a few easy turns, no dips, about two minutes'
const KEY = 'test-key-123'

/** What a well-behaved model answers for TEXT (deliberately not what the offline parser says). */
const GOOD = {
  difficulty: 'beginner', energy: 'low', style: 'sensual', moods: ['romantic'], durationSeconds: 120,
  includeFamilies: ['lady-turn'], excludeFamilies: ['dip'], excludeHolds: [], includeMoves: [],
  emphasis: [{ family: 'lady-turn', direction: 'more', count: 3 }], tempo: 'slow', query: 'wedding',
  countIn: false, span: { kind: 'section', section: 'chorus' },
}

let fake: FakeGemini
const silent = { warn: vi.fn() }

beforeAll(async () => { fake = await startFakeGemini() })
afterAll(async () => { await fake.close() })
beforeEach(() => {
  fake.requests.length = 0
  silent.warn.mockClear()
})

const viaFake = (text = TEXT, timeoutMs = 2000) =>
  parseRequestWithGemini(text, { apiKey: KEY, baseUrl: fake.baseUrl, model: 'test-model', timeoutMs, log: silent })

/** The offline answer with the fallback warning first: the whole object must match. */
function expectFallback(result: ChoreographyParams, reason: string | RegExp) {
  const offline = parseRequestOffline(TEXT)
  const warning = typeof reason === 'string'
    ? `Gemini parser failed (${reason}); used the offline parser`
    : expect.stringMatching(reason)
  expect(result).toStrictEqual({ ...offline, warnings: [warning, ...offline.warnings] })
  expect(ChoreographyParamsSchema.safeParse(result).success).toBe(true)
  expect(silent.warn).toHaveBeenCalledTimes(1)
  expect(JSON.stringify(silent.warn.mock.calls)).not.toContain(KEY)
}

describe('parseRequestWithGemini against a fake Gemini server', () => {
  it('returns the model params, marked gemini, for a good answer', async () => {
    fake.reply({ kind: 'json', json: GOOD })
    const result = await viaFake()
    expect(result).toStrictEqual({ ...GOOD, parser: 'gemini', warnings: [] })
    expect(silent.warn).not.toHaveBeenCalled()
  })

  it('sends the key header, the JSON response schema and the request text', async () => {
    fake.reply({ kind: 'json', json: GOOD })
    await viaFake()
    expect(fake.requests).toHaveLength(1)
    const [req] = fake.requests
    expect(req.method).toBe('POST')
    expect(req.path).toBe('/v1beta/models/test-model:generateContent')
    expect(req.headers['x-goog-api-key']).toBe(KEY)
    const config = req.body.generationConfig
    expect(config.responseMimeType).toBe('application/json')
    expect(config.temperature).toBe(0)
    expect(config.responseSchema.type).toBe('object')
    expect(config.responseSchema.properties.difficulty.enum).toEqual([...DIFFICULTIES])
    expect(config.responseSchema.properties.excludeFamilies.items.enum).toEqual([...FAMILIES])
    expect(config.responseSchema.required).toHaveLength(14)
    expect(config.responseSchema.properties.span.properties.section.enum).toEqual(['intro', 'verse', 'chorus', 'mambo', 'outro'])
    expect(req.body.contents).toEqual([{ role: 'user', parts: [{ text: TEXT }] }])
    expect(req.body.systemInstruction.parts[0].text).toContain('excludeFamilies')
  })

  const failures: Array<[string, GeminiReply, string | RegExp]> = [
    ['invalid JSON', { kind: 'text', text: '{"difficulty": "beginner", "moods": [' }, 'invalid JSON'],
    ['prose around the JSON', { kind: 'text', text: `Sure! Here you go: ${JSON.stringify(GOOD)}` }, 'invalid JSON'],
    ['a wrong enum value', { kind: 'json', json: { ...GOOD, difficulty: 'expert' } }, /^Gemini parser failed \(invalid output: difficulty: .+\); used the offline parser$/],
    ['a wrong nested enum', { kind: 'json', json: { ...GOOD, emphasis: [{ family: 'salsa', direction: 'more', count: 1 }] } }, /\(invalid output: emphasis\.0\.family: /],
    ['an extra key', { kind: 'json', json: { ...GOOD, explanation: 'I picked beginner because…' } }, /\(invalid output: \(root\): .*explanation/],
    ['an extra nested key', { kind: 'json', json: { ...GOOD, emphasis: [{ ...GOOD.emphasis[0], why: 'x' }] } }, /\(invalid output: emphasis\.0: /],
    ['an out-of-range duration', { kind: 'json', json: { ...GOOD, durationSeconds: 5000 } }, /\(invalid output: durationSeconds: /],
    ['a section span without its section', { kind: 'json', json: { ...GOOD, span: { kind: 'section', section: null } } }, /\(invalid output: span\.section: /],
    ['a break as a span', { kind: 'json', json: { ...GOOD, span: { kind: 'section', section: 'break' } } }, /\(invalid output: span\.section: /],
    ['a JSON array', { kind: 'json', json: [GOOD] }, /\(invalid output: \(root\): /],
    ['HTTP 500', { kind: 'status', status: 500 }, 'HTTP 500'],
    ['HTTP 429', { kind: 'status', status: 429, message: 'Resource has been exhausted' }, 'HTTP 429'],
    ['a blocked prompt', { kind: 'blocked' }, 'no usable answer'],
  ]

  it.each(failures)('falls back to the offline parser on %s', async (_name, reply, reason) => {
    fake.reply(reply)
    expectFallback(await viaFake(), reason)
    expect(fake.requests).toHaveLength(1)
  })

  it('falls back within the timeout when the model is slow', async () => {
    fake.reply({ kind: 'delay', ms: 5000, then: { kind: 'json', json: GOOD } })
    const t0 = performance.now()
    const result = await viaFake(TEXT, 200)
    const elapsed = performance.now() - t0
    expectFallback(result, 'timed out after 200 ms')
    expect(elapsed).toBeGreaterThanOrEqual(190)
    expect(elapsed).toBeLessThan(2000)
  })

  it('falls back when nothing listens at the base URL', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number }
        probe.close(() => resolve(port))
      })
    })
    const result = await parseRequestWithGemini(TEXT, { apiKey: KEY, baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2000, log: silent })
    expectFallback(result, 'network error')
  })

  it('rejects an over-long request with 422 before calling the model', async () => {
    fake.reply({ kind: 'json', json: GOOD })
    await expect(viaFake('x'.repeat(501))).rejects.toMatchObject({ status: 422 })
    await expect(viaFake('x'.repeat(501))).rejects.toBeInstanceOf(AppError)
    expect(fake.requests).toHaveLength(0)
  })
})

describe('parseRequest picks the parser from the configuration', () => {
  it('uses Gemini when GEMINI_API_KEY is set (base URL and model from the env)', async () => {
    fake.reply({ kind: 'json', json: GOOD })
    const env = { GEMINI_API_KEY: KEY, GEMINI_BASE_URL: fake.baseUrl, GEMINI_MODEL: 'env-model', GEMINI_TIMEOUT_MS: '2000' }
    const result = await parseRequest(TEXT, { env, log: silent })
    expect(result.parser).toBe('gemini')
    expect(fake.requests.map((r) => r.path)).toEqual(['/v1beta/models/env-model:generateContent'])
  })

  it('uses the offline parser without a key (or with a blank one) and makes no request', async () => {
    expect(await parseRequest(TEXT, { env: {} })).toStrictEqual(parseRequestOffline(TEXT))
    expect(await parseRequest(TEXT, { env: { GEMINI_API_KEY: '  ', GEMINI_BASE_URL: fake.baseUrl } })).toStrictEqual(parseRequestOffline(TEXT))
    expect(fake.requests).toHaveLength(0)
  })

  it('lets options override the env (apiKey null forces offline)', async () => {
    const env = { GEMINI_API_KEY: KEY, GEMINI_BASE_URL: fake.baseUrl }
    expect((await parseRequest(TEXT, { env, apiKey: null })).parser).toBe('offline')
    expect(fake.requests).toHaveLength(0)
    fake.reply({ kind: 'json', json: GOOD })
    expect((await parseRequest(TEXT, { env: {}, apiKey: KEY, baseUrl: fake.baseUrl, model: 'opt-model', log: silent })).parser).toBe('gemini')
    expect(fake.requests[0].path).toBe('/v1beta/models/opt-model:generateContent')
  })

  it('fails fast, naming the variable, on a malformed GEMINI_TIMEOUT_MS', async () => {
    await expect(parseRequest(TEXT, { env: { GEMINI_TIMEOUT_MS: 'soon' } })).rejects.toThrow(/GEMINI_TIMEOUT_MS/)
  })
})
