import { execa } from 'execa'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { buildWordMeanings } from '@/lib/engines/request/word-meanings'
import { readWordVectors } from '@/lib/engines/search/word-vectors-file'
import { ensureWordVectors } from '@/scripts/lib/compact-word-vectors'
import { startFakeGemini, type FakeGemini } from '../../fakes/gemini-server'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const TSX = `${ROOT}node_modules/.bin/tsx`
const TEXT = 'slow but energetic, a couple of spins, 1:30'

// A clean environment: no inherited GEMINI_* may switch the parser under the test.
const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test' }
const run = (args: string[], env: Record<string, string> = {}) =>
  execa(TSX, ['scripts/parse-request.ts', ...args], { cwd: ROOT, env: { ...baseEnv, ...env }, extendEnv: false, reject: false, timeout: 30_000 })

let fake: FakeGemini
beforeAll(async () => { fake = await startFakeGemini() })
afterAll(async () => { await fake.close() })

describe('npm run parse-request', () => {
  it('prints only the offline params JSON when no key is set', async () => {
    const { exitCode, stdout } = await run([TEXT])
    expect(exitCode).toBe(0)
    expect(JSON.parse(stdout)).toStrictEqual(parseRequestOffline(TEXT))
  })

  it('reads words the lexicon lacks through the word vectors made at setup', async () => {
    const vectors = await readWordVectors(await ensureWordVectors())
    const text = 'a tranquil routine'
    const { exitCode, stdout } = await run([text])
    expect(exitCode).toBe(0)
    const params = JSON.parse(stdout)
    expect(params.energy).toBe('low')
    expect(params).toStrictEqual(parseRequestOffline(text, { wordMeanings: buildWordMeanings(vectors) }))
    expect(parseRequestOffline(text).energy).toBeNull()
  })

  it('uses Gemini when GEMINI_API_KEY is set and keeps logs off stdout on fallback', async () => {
    fake.reply({ kind: 'status', status: 500 })
    const { exitCode, stdout, stderr } = await run([TEXT], { GEMINI_API_KEY: 'cli-key', GEMINI_BASE_URL: fake.baseUrl })
    expect(exitCode).toBe(0)
    const params = JSON.parse(stdout)
    expect(params.parser).toBe('offline')
    expect(params.warnings[0]).toBe('Gemini parser failed (HTTP 500); used the offline parser')
    expect(stderr).toContain('Gemini request parsing failed')
    expect(fake.requests.at(-1)?.headers['x-goog-api-key']).toBe('cli-key')
  })

  it('exits non-zero with a message for a missing or over-long request', async () => {
    const [empty, long] = await Promise.all([run([]), run(['x'.repeat(501)])])
    expect(empty.exitCode).toBe(2)
    expect(empty.stderr).toContain('usage')
    expect(long.exitCode).toBe(1)
    expect(long.stdout).toBe('')
    expect(long.stderr).toContain('validation_failed')
  })
})
