import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/prisma/demo-accounts'
import { pageRoutes } from '@/tests/support/page-routes'
import { BASE_URL } from './http'
import { encodePathValue, hostileString, queryArb, RAW_SEGMENTS } from './hostile-arbitraries'

// Every page route (app/**/page.tsx) with hostile path segments — malformed percent escapes
// (`%zz`, `%ff`, encoded lone surrogates, overlong UTF-8), NUL, traversal, generated unicode —
// in each dynamic parameter and after each static page, and hostile query strings, sent by an
// anonymous visitor and by a signed-in admin (browser cookie). A page may answer anything
// but a server error: 2xx, a redirect (to sign-in) or a 4xx page, HTML allowed, no stack trace.

const RUNS = Number(process.env.HOSTILE_PAGE_RUNS ?? 12)
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31)
const CONCURRENCY = 6
const CLIENT_ADDRESS = '10.77.0.1'
const pages = pageRoutes()
let adminCookie = ''

/** A browser sign-in through next-auth: the session cookie the pages read. */
async function browserSignIn(email: string, password: string): Promise<string> {
  const headers = { 'x-forwarded-for': CLIENT_ADDRESS }
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`, { headers })
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0])
  const { csrfToken } = await csrf.json()
  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: 'POST', redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; '), origin: BASE_URL },
    body: new URLSearchParams({ email, password, csrfToken, json: 'true' }).toString(),
  })
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => /session-token=/.test(c))
  if (!session) throw new Error(`browser sign-in failed: ${res.status} ${await res.text()}`)
  return [...cookies, session].join('; ')
}

beforeAll(async () => {
  const admin = DEMO_ACCOUNTS.find((a) => a.role === 'ADMIN')!
  adminCookie = await browserSignIn(admin.email, DEMO_PASSWORD)
}, 60_000)

interface Answer { status: number; type: string; body: string }

async function get(path: string, cookie: string): Promise<Answer> {
  const res = await fetch(`${BASE_URL}${path}`, {
    redirect: 'manual', headers: { 'x-forwarded-for': CLIENT_ADDRESS, ...(cookie ? { cookie } : {}) },
  })
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() }
}

/** What is wrong with a page's answer, or null. */
function judge(a: Answer): string | null {
  if (a.status >= 500) return `${a.status} server error: ${a.body.slice(0, 200)}`
  // A stack frame (`at fn (file:line:col)`) or a server path in what the visitor sees.
  if (/\bat [^\s(]+ \([^)]*:\d+:\d+\)|\/node_modules\/|\.next\/server/.test(a.body)) return `${a.status} shows a stack trace or server path`
  return null
}

/** The pattern with every [param] filled, and with a hostile segment after it. */
function pathsFor(pattern: string, segment: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const params = pattern.match(/\[[^\]]+\]/g) ?? []
  const fill = fc.tuple(...params.map(() => segment)).map((values) => values.reduce<string>((p, v, i) => p.replace(params[i], v), pattern))
  return fc.oneof(fill, fc.tuple(fill, segment).map(([p, extra]) => `${p === '/' ? '' : p}/${extra}`))
}

const segmentArb = fc.oneof(
  { arbitrary: fc.constantFrom(...RAW_SEGMENTS, '%C0%AF', '%E0%A4%A', '%ED%BF%BF', '%F4%90%80%80', 'x%'), weight: 3 },
  { arbitrary: hostileString.map((s) => encodePathValue(s, 200)), weight: 2 },
)

async function runAll<T>(items: T[], fn: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await fn(items[next++])
  }))
}

const stats = new Map<number, number>()

describe('malformed page paths (replayed every run)', () => {
  const fixed = ['/choreographies/%zz', '/%ff', '/moves/%ED%A0%80', '/admin/songs/%C0%AF', '/share/%E0%A4%A', '/s/%ff%fe', '/plans/%E0%80%AF', '/admin/plans/%zz/print']
  for (const path of fixed) {
    it(`${path} is a 4xx page, not a server error`, async () => {
      for (const cookie of ['', adminCookie]) {
        const a = await get(path, cookie)
        expect(judge(a), `${path} ${cookie ? 'signed in' : 'anonymous'}`).toBeNull()
        expect([400, 404], `${path} ${cookie ? 'signed in' : 'anonymous'}: ${a.status}`).toContain(a.status)
      }
    })
  }
})

describe('generated hostile paths, every page route', () => {
  it('the table of pages is the app folder (a new page is fuzzed too)', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20)
    expect(pages).toContain('/choreographies/[id]')
    expect(pages).toContain('/')
  })
  for (const pattern of pages) {
    it(`GET ${pattern}`, async () => {
      let h = SEED
      for (const ch of pattern) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0
      const paths = fc.sample(fc.tuple(pathsFor(pattern, segmentArb), fc.oneof(fc.constant(''), queryArb)), { numRuns: RUNS, seed: h })
      const problems: string[] = []
      await runAll(paths.flatMap(([p, q]) => [[`${p}${q}`, ''], [`${p}${q}`, adminCookie]]), async ([url, cookie]) => {
        const a = await get(url, cookie)
        stats.set(a.status, (stats.get(a.status) ?? 0) + 1)
        const wrong = judge(a)
        if (wrong) problems.push(`${url.slice(0, 200)} (${cookie ? 'admin' : 'anonymous'}): ${wrong}`)
      })
      problems.sort((a, b) => a.length - b.length)
      expect(problems.slice(0, 5).join('\n'), `seed ${SEED}: ${problems.length} of ${paths.length * 2} answers were server errors`).toBe('')
    }, 120_000)
  }
  it('reports the answers by status', () => {
    console.info(`hostile-page-paths: ${[...stats.values()].reduce((a, b) => a + b, 0)} requests over ${pages.length} pages (seed ${SEED}): ` +
      [...stats].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', '))
  })
})
