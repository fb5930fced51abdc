import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes } from '@/tests/support/api-routes'
import { api, type ApiResponse, registerAndSignIn, signInDemo } from './http'
import { bodyArb, encodePathValue, hostileString, RAW_SEGMENTS, queryArb, type HostileBody, toRequest } from './hostile-arbitraries'

// Every API route and method gets generated hostile input over real HTTP: wrong JSON types, deep
// and huge JSON, unicode edge cases, SQL and HTML payloads, traversal in ids, keys and multipart
// filenames. Each answer must be a 2xx, or a 4xx JSON error of the one shape; never a 5xx, never
// HTML; and a create route that answered 4xx wrote nothing (its rows are counted before and after).

const RUNS = Number(process.env.HOSTILE_RUNS ?? 36)
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31)
const CONCURRENCY = 6

const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
let me: { accessToken: string; userId: string }
/** Real ids of the fuzzing user's own records, so bodies reach past the lookup. */
const own: Record<string, string> = {}
/** Real ids of shared records (a public song, a library move): offered to GETs only, never to writes. */
const shared: Record<string, string> = {}

type Who = 'user' | 'anonymous'
interface Entry {
  /** Who sends: the signed-in (ADMIN, so every role check is passed) user, or nobody (sign-in routes: a bearer there would be ours to lose). */
  as: Who
  /** Real ids mixed into a path parameter: own ids for every method, shared ids for GET only. */
  ids?: Record<string, { own?: string; shared?: string }>
  /** Counts the rows a POST would create for the user: the 4xx answers must leave it alone. */
  creates?: string
  /** Values for a catch-all segment list (joined by '/'). */
  segments?: fc.Arbitrary<string>
  /** Redirects are how this route answers browsers (next-auth). */
  redirects?: boolean
}

const task = { id: { own: 'task' } }
const count = (table: string, where: string) => `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`
const ENDPOINTS: Record<string, Entry> = {
  '/api/[...path]': { as: 'user', segments: fc.array(fc.oneof(hostileString.map(encodePathValue), fc.constantFrom(...RAW_SEGMENTS)), { minLength: 1, maxLength: 4 }).map((a) => `nope/${a.join('/')}`) },
  '/api/admin/stats': { as: 'user' },
  '/api/admin/users': { as: 'user' },
  '/api/admin/users/[id]': { as: 'user', ids: { id: { own: 'user' } } },
  '/api/auth/[...nextauth]': {
    as: 'anonymous', redirects: true,
    segments: fc.oneof(fc.constantFrom('session', 'csrf', 'providers', 'signin', 'callback/credentials', 'signin/credentials', 'error', '_log'), hostileString.map(encodePathValue)),
  },
  '/api/auth/logout': { as: 'anonymous' },
  '/api/auth/password-reset/confirm': { as: 'anonymous' },
  '/api/auth/password-reset': { as: 'anonymous' },
  '/api/auth/refresh': { as: 'anonymous' },
  '/api/auth/register': { as: 'anonymous' },
  '/api/auth/token': { as: 'anonymous' },
  '/api/choreographies/[id]/cancel': { as: 'user', ids: task },
  '/api/choreographies/[id]/events': { as: 'user', ids: task },
  '/api/choreographies/[id]/favorite': { as: 'user', ids: task },
  '/api/choreographies/[id]/moves/[index]/regenerate': { as: 'user', ids: task },
  '/api/choreographies/[id]/poster': { as: 'user', ids: task },
  '/api/choreographies/[id]': { as: 'user', ids: task },
  '/api/choreographies/[id]/share/[linkId]': { as: 'user', ids: { ...task, linkId: { own: 'link' } } },
  '/api/choreographies/[id]/share': { as: 'user', ids: task, creates: count('"ShareLink" l JOIN "ChoreographyTask" t ON t.id = l."taskId"', 't."ownerId" = $1') },
  '/api/choreographies/[id]/status': { as: 'user', ids: task },
  '/api/choreographies/[id]/video': { as: 'user', ids: task },
  '/api/choreographies': { as: 'user', creates: count('"ChoreographyTask"', '"ownerId" = $1') },
  '/api/class-plans/[id]/duplicate': { as: 'user', ids: { id: { own: 'plan' } }, creates: count('"ClassPlan"', '"instructorId" = $1') },
  '/api/class-plans/[id]/export': { as: 'user', ids: { id: { own: 'plan' } } },
  '/api/class-plans/[id]/items/[itemId]': { as: 'user', ids: { id: { own: 'plan' }, itemId: { own: 'planItem' } } },
  '/api/class-plans/[id]/items': { as: 'user', ids: { id: { own: 'plan' } }, creates: count('"ClassPlanItem" i JOIN "ClassPlan" p ON p.id = i."planId"', 'p."instructorId" = $1') },
  '/api/class-plans/[id]/order': { as: 'user', ids: { id: { own: 'plan' } } },
  '/api/class-plans/[id]': { as: 'user', ids: { id: { own: 'plan' } } },
  '/api/class-plans': { as: 'user', creates: count('"ClassPlan"', '"instructorId" = $1') },
  '/api/class-plans/sources': { as: 'user' },
  '/api/collections/[id]/items/[itemId]': { as: 'user', ids: { id: { own: 'collection' }, itemId: { own: 'collectionItem' } } },
  '/api/collections/[id]/items': { as: 'user', ids: { id: { own: 'collection' } }, creates: count('"CollectionItem" i JOIN "Collection" c ON c.id = i."collectionId"', 'c."ownerId" = $1') },
  '/api/collections/[id]/order': { as: 'user', ids: { id: { own: 'collection' } } },
  '/api/collections/[id]': { as: 'user', ids: { id: { own: 'collection' } } },
  '/api/collections': { as: 'user', creates: count('"Collection"', '"ownerId" = $1') },
  '/api/favorites': { as: 'user' },
  '/api/health/live': { as: 'anonymous' },
  '/api/health': { as: 'anonymous' },
  // The shared test app has no METRICS_TOKEN: every answer is the JSON 404 (metrics.test.ts covers the token).
  '/api/metrics': { as: 'user' },
  '/api/me/instructor-profile': { as: 'user' },
  '/api/me/password': { as: 'user' },
  '/api/me': { as: 'user' },
  '/api/moves/[id]/clip': { as: 'user', ids: { id: { shared: 'move' } } },
  '/api/moves/[id]/embed': { as: 'user', ids: { id: { shared: 'move' } } },
  '/api/moves/[id]/poster': { as: 'user', ids: { id: { shared: 'move' } } },
  '/api/moves/[id]': { as: 'user', ids: { id: { shared: 'move' } } },
  '/api/moves/clip-timing': { as: 'user' },
  '/api/moves': { as: 'user', creates: count('"Move"', '"createdById" = $1') },
  '/api/requests/parse': { as: 'user' },
  '/api/share/[token]/poster': { as: 'anonymous', ids: { token: { own: 'shareToken' } } },
  '/api/share/[token]/video': { as: 'anonymous', ids: { token: { own: 'shareToken' } } },
  '/api/songs/[id]/analysis': { as: 'user', ids: { id: { shared: 'song' } } },
  '/api/songs/[id]/audio': { as: 'user', ids: { id: { shared: 'song' } } },
  '/api/songs/[id]/energy': { as: 'user', ids: { id: { shared: 'song' } } },
  '/api/songs/[id]': { as: 'user', ids: { id: { shared: 'song' } } },
  '/api/songs': { as: 'user', creates: count('"Song"', '"uploadedById" = $1') },
}

const routes = apiRoutes()
let totalCases = 0
const byStatus = new Map<number, number>()
const perRoute: string[] = []
const started = Date.now()

beforeAll(async () => {
  await db.connect()
  // A fresh account made ADMIN, so role checks let every handler read its input; its own records give real ids.
  const admin = await signInDemo('ADMIN')
  const s = await registerAndSignIn('hostile-inputs')
  expect((await api('PATCH', `/api/admin/users/${s.userId}`, { token: admin.accessToken, json: { role: 'ADMIN' } })).status).toBe(200)
  me = s
  own.user = s.userId
  const token = s.accessToken
  // A demo song (public, analysed before any test file ran). Not "the first by title": an admin
  // sees every song, and another file's upload that is still analysing or failed (silence) may
  // sort first (a run on Node 24 took one and its choreography was refused with a 422).
  shared.song = (await db.query(`SELECT id FROM "Song" WHERE visibility = 'PUBLIC' AND "analysisStatus" = 'READY' ORDER BY "createdAt", id LIMIT 1`)).rows[0].id
  shared.move = (await db.query('SELECT id FROM "Move" WHERE "createdById" IS NULL AND enabled ORDER BY id LIMIT 1')).rows[0].id
  const made = await api('POST', '/api/choreographies', { token, json: { songId: shared.song, request: 'easy, 20 seconds' } })
  expect(made.status, JSON.stringify(made.body)).toBe(202)
  own.task = made.body.id
  // Cancelled at once: a finished task (no render to wait for; its event stream ends).
  await api('POST', `/api/choreographies/${own.task}/cancel`, { token })
  await db.query(`UPDATE "ChoreographyTask" SET status = 'CANCELLED' WHERE id = $1`, [own.task])
  own.collection = (await api('POST', '/api/collections', { token, json: { name: 'Hostile' } })).body.collection.id
  await api('POST', `/api/collections/${own.collection}/items`, { token, json: { taskId: own.task } })
  own.collectionItem = (await api('GET', `/api/collections/${own.collection}`, { token })).body.collection.items[0]?.id ?? 'none'
  own.plan = (await api('POST', '/api/class-plans', { token, json: { title: 'Hostile plan' } })).body.plan.id
  await api('POST', `/api/class-plans/${own.plan}/items`, { token, json: { moveId: shared.move } })
  own.planItem = (await api('GET', `/api/class-plans/${own.plan}`, { token })).body.plan.items[0]?.id ?? 'none'
  own.link = 'none'
  own.shareToken = 'A'.repeat(32)
}, 120_000)

afterAll(async () => {
  await db.end()
  const seconds = (Date.now() - started) / 1000
  const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ')
  console.info(`hostile-inputs: ${totalCases} generated requests over ${routes.length} route files in ${seconds.toFixed(1)} s (seed ${SEED}, ${RUNS} runs per method)\n  answers by status: ${statuses}\n  ${perRoute.join('\n  ')}`)
})

it('every API route file has an entry in the hostile-input table (a new route must be added)', () => {
  const missing = routes.map((r) => r.pattern).filter((p) => !(p in ENDPOINTS))
  expect(missing, 'add these to ENDPOINTS in tests/integration/hostile-inputs.test.ts').toEqual([])
  const stale = Object.keys(ENDPOINTS).filter((p) => !routes.some((r) => r.pattern === p))
  expect(stale, 'entries for routes that no longer exist').toEqual([])
})

describe('the 5xx answers generated input found, replayed every run', () => {
  const json = { 'content-type': 'application/json' }
  const cases: Array<[string, string, string, Parameters<typeof api>[2], number]> = [
    ['a path escape that is not UTF-8', 'GET', '/api/songs/%ff%fe', {}, 400],
    ['an encoded lone surrogate in a path', 'DELETE', '/api/collections/%ED%A0%80/items/x', {}, 400],
    ['a bad escape on an unknown path', 'POST', '/api/nope/%zz', {}, 400],
    ['GET of the credentials callback', 'GET', '/api/auth/callback/credentials', {}, 404],
    ['an action next-auth does not have', 'GET', '/api/auth/_log', {}, 404],
    ['a form body to the session endpoint', 'POST', '/api/auth/session', { raw: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400],
    ['a JSON-labelled body that is not JSON to the credentials callback', 'POST', '/api/auth/callback/credentials', { raw: 'a=1&b=2', headers: json }, 400],
  ]
  it('an upload field without a name, too long (busboy names it undefined)', async () => {
    const boundary = 'hostile-boundary'
    const raw = [`--${boundary}`, 'Content-Disposition: form-data; name=""', '', 'x'.repeat(5000), `--${boundary}--`, ''].join('\r\n')
    const res = await api('POST', '/api/songs', { token: me.accessToken, raw, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })
    expect(res.status, JSON.stringify(res.body)).toBe(413)
    expect(res.body?.error?.message, JSON.stringify(res.body)).toMatch(/too long/)
    totalCases++
  })
  for (const [name, method, path, opts, status] of cases) {
    it(name, async () => {
      const res = await api(method, path, opts)
      expect(res.status, JSON.stringify(res.body)).toBe(status)
      expect(res.body?.error?.code, JSON.stringify(res.body)).toMatch(/^(bad_request|not_found)$/)
      totalCases++
    })
  }
})

/** What is wrong with an answer, or null when it is one the rules allow. */
function judge(res: ApiResponse, entry: Entry, path: string): string | null {
  const type = res.headers.get('content-type') ?? ''
  if (res.status >= 500) return `${res.status} server error`
  // Dot segments can lead out of /api: fetch resolves them before sending (seed 1213277752 sent
  // DELETE /api/nope/%2e%2e/%2e%2e/..%252f as /..%252f), so the request went to a page path and
  // a page's answer (HTML, the 404 page) is the right one. Only API answers must be JSON.
  if (leavesApi(path)) return null
  if (/text\/html/i.test(type)) return `HTML answer (${res.status})`
  // Next normalizes dot segments and doubled slashes with a 308 to the clean path: still in the API.
  if (res.status === 308 && (res.headers.get('location') ?? '').startsWith('/api')) return null
  if (res.status >= 300 && res.status < 400) return entry.redirects ? null : `redirect ${res.status} to ${res.headers.get('location')}`
  if (res.status >= 400) {
    if (!/application\/json/.test(type)) return `${res.status} not JSON (${type || 'no content type'})`
    if (typeof res.body?.error?.code !== 'string' || typeof res.body?.error?.message !== 'string') return `${res.status} without { error: { code, message } }`
    return null
  }
  if (/application\/json/.test(type) && (res.body === null || typeof res.body !== 'object') && res.status !== 204) return `${res.status} JSON that does not parse`
  return null
}

interface Case { method: string; path: string; query: string; body: HostileBody }

function caseArb(pattern: string, method: string, entry: Entry): fc.Arbitrary<Case> {
  const params = [...pattern.matchAll(/\[(\.\.\.)?(\w+)\]/g)]
  const paramArbs = params.map(([whole, dots, name]) => {
    if (dots) return entry.segments!.map((v) => [whole, v] as const)
    const choices: fc.Arbitrary<string>[] = [hostileString.map(encodePathValue), fc.constantFrom(...RAW_SEGMENTS)]
    const real = entry.ids?.[name]
    if (real?.own) choices.push(fc.constant(encodeURIComponent(own[real.own])))
    if (real?.shared && method === 'GET') choices.push(fc.constant(encodeURIComponent(shared[real.shared])))
    return fc.oneof(...choices).map((v) => [whole, v] as const)
  })
  return fc.record({
    params: fc.tuple(...paramArbs),
    query: method === 'GET' ? queryArb : fc.oneof(fc.constant(''), queryArb),
    body: method === 'GET' ? fc.constant<HostileBody>({ kind: 'none' }) : bodyArb,
  }).map(({ params: ps, query, body }) => ({
    method, query, body, path: ps.reduce<string>((p, [whole, v]) => p.replace(whole, v), pattern),
  }))
}

/** Runs the cases with at most CONCURRENCY in flight (keep-alive connections are reused by fetch). */
async function runAll<T>(items: T[], fn: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await fn(items[next++])
  }))
}

describe('generated hostile input, every route and method', () => {
  // Deletions last, so a real record a DELETE removed is not missed by the other routes' cases.
  const batches = routes.flatMap((r) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ route: r, method, implemented: r.methods.includes(method) })))
    .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'))
  for (const { route, method, implemented } of batches) {
    it(`${method} ${route.pattern}${implemented ? '' : ' (not implemented: JSON 405)'}`, async () => {
      const entry = ENDPOINTS[route.pattern]
      expect(entry, `no ENDPOINTS entry for ${route.pattern}`).toBeDefined()
      const runs = implemented ? RUNS : 3
      const cases = fc.sample(caseArb(route.pattern, method, entry), { numRuns: runs, seed: seedFor(`${method} ${route.pattern}`) })
      const countRows = async () => (entry.creates && method === 'POST' ? (await db.query(entry.creates, [me.userId])).rows[0].n as number : 0)
      const before = await countRows()
      let succeeded = 0
      const problems: string[] = []
      await runAll(cases, async (c) => {
        const url = `${c.path}${c.query}`
        const req = toRequest(c.body)
        let res: ApiResponse
        try {
          res = await api(method, url, { ...req, token: entry.as === 'user' ? me.accessToken : undefined })
        } catch (e) {
          problems.push(`${method} ${url.slice(0, 200)} ${describeBody(c.body)}: request failed: ${(e as Error).message}`)
          return
        }
        totalCases++
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1)
        if (res.status >= 200 && res.status < 300) succeeded++
        if (!implemented && ![400, 405, 422].includes(res.status) && !route.pattern.includes('[...') && !normalized(c.path)) problems.push(`${method} ${url.slice(0, 200)}: ${res.status} where 405 was due (or 400/422 for a path that does not decode or holds unsafe text)`)
        const wrong = judge(res, entry, c.path)
        if (wrong) problems.push(`${method} ${url.slice(0, 200)} ${describeBody(c.body)}: ${wrong}: ${JSON.stringify(res.body).slice(0, 300)}`)
      })
      perRoute.push(`${method} ${route.pattern}: ${cases.length}`)
      // The smallest failing input first (the cheap half of shrinking).
      problems.sort((a, b) => a.length - b.length)
      expect(problems.slice(0, 5), `seed ${SEED}: ${problems.length} of ${cases.length} answers broke the rules`).toEqual([])
      if (entry.creates && method === 'POST') expect(await countRows(), 'rows written besides the 2xx answers').toBe(before + succeeded)
    }, 120_000)
  }
})

/** A path Next rewrites before routing (dot segments, doubled slashes): it may reach another route. */
const normalized = (path: string) => /%2e%2e|\/\/|\/\.\.?(\/|$)|\/$/i.test(path)
/** Where a path lands once its dot segments are resolved (URL parsing treats %2e as a dot). */
const leavesApi = (path: string) => !/^\/api(\/|$)/.test(new URL(path, 'http://x').pathname)

/** The run's seed, varied per route and method so each gets its own cases. */
function seedFor(label: string): number {
  let h = SEED
  for (const ch of label) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0
  return h
}

function describeBody(b: HostileBody): string {
  const text = JSON.stringify(b, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v instanceof Uint8Array ? `<${v.length} bytes>` : v))
  return text.length > 400 ? `${text.slice(0, 400)}…` : text
}
