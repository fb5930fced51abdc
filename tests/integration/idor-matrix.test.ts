import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { SignJWT } from 'jose'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REFRESH_GRACE_SECONDS } from '@/lib/shared/auth/refresh-tokens'
import { deriveKey } from '@/lib/shared/auth/secrets'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { api, type ApiResponse, expectErrorShape, registerAndSignIn, signInDemo, uploadSong } from './http'

// Who may do what to whose records, as the product states it (README's API table, docs/security.md):
// a dancer's songs (private), choreographies, collections and share links are the owner's alone
// (anyone else: the 404 of a missing record; admins too, except songs, which admins see and manage);
// class plans are instructors' (a dancer: 403; another instructor: 404; an admin reads, and gets
// 403 on changes); moves are changed by the instructor who added them or an admin (another
// instructor: 403), and a disabled move is a 404 to dancers; share tokens play for anyone.
// The expected status of every cell is written below from those rules, not read off the code.

type Role = 'anon' | 'owner' | 'user' | 'instructor' | 'admin'
/** Expected status per caller: [anonymous, owner, another USER, an INSTRUCTOR (not the owner), ADMIN]; null: not sent (why is in the row). */
type Cells = [number, number | null, number | null, number | null, number | null]
const ROLES: Role[] = ['anon', 'owner', 'user', 'instructor', 'admin']
/** Non-owners first, the owner last: a row that deletes runs the owner's success after everyone else's refusal. */
const RUN_ORDER = [0, 2, 3, 4, 1]

const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
const storage = new LocalStorage(process.env.DATA_DIR ?? '')

interface Session { accessToken: string; userId: string; refreshToken?: string; email?: string }
let dancerA: Session // owns the song, choreography, collection, share link
let dancerB: Session
let instructor1: Session // owns the class plan and the move
let instructor2: Session
let admin: Session
const ids: Record<string, string> = {}
let cellCount = 0
let forgedCount = 0

async function promote(s: Session, role: 'INSTRUCTOR') {
  const res = await api('PATCH', `/api/admin/users/${s.userId}`, { token: admin.accessToken, json: { role } })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

beforeAll(async () => {
  await db.connect()
  admin = await signInDemo('ADMIN')
  ;[dancerA, dancerB, instructor1, instructor2] = await Promise.all(['idor-a', 'idor-b', 'idor-i1', 'idor-i2'].map((t) => registerAndSignIn(t)))
  await promote(instructor1, 'INSTRUCTOR')
  await promote(instructor2, 'INSTRUCTOR')

  // A's private song (a real upload).
  const [demo] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[1]], mp3: true })
  const up = await uploadSong(dancerA.accessToken, await readFile(demo.mp3!), { title: 'IDOR private song' })
  expect(up.status, JSON.stringify(up.body)).toBe(202)
  expect(up.body.song.visibility).toBe('PRIVATE')
  ids.song = up.body.song.id

  // A's choreography of a public song, marked rendered with stand-in media (no render needed for access rules).
  const publicSong = (await api('GET', '/api/songs?pageSize=1&sort=title', { token: dancerB.accessToken })).body.items[0].id
  ids.publicSong = publicSong
  const made = await api('POST', '/api/choreographies', { token: dancerA.accessToken, json: { songId: publicSong, request: 'easy, 20 seconds' } })
  expect(made.status, JSON.stringify(made.body)).toBe(202)
  ids.task = made.body.id
  await storage.put(`outputs/idor-test/${ids.task}.mp4`, randomBytes(20_000))
  await storage.put(`outputs/idor-test/${ids.task}.jpg`, randomBytes(2_000))
  await db.query(`UPDATE "ChoreographyTask" SET status = 'SUCCEEDED', stage = 'done', progress = 100, "outputKey" = $2, "posterKey" = $3 WHERE id = $1`,
    [ids.task, `outputs/idor-test/${ids.task}.mp4`, `outputs/idor-test/${ids.task}.jpg`])

  const link = await api('POST', `/api/choreographies/${ids.task}/share`, { token: dancerA.accessToken, json: {} })
  expect(link.status, JSON.stringify(link.body)).toBe(201)
  ids.linkId = link.body.link.id
  ids.shareToken = (link.body.link.path as string).split('/').pop()!

  const coll = await api('POST', '/api/collections', { token: dancerA.accessToken, json: { name: 'IDOR collection' } })
  expect(coll.status, JSON.stringify(coll.body)).toBe(201)
  ids.collection = coll.body.collection.id
  expect((await api('POST', `/api/collections/${ids.collection}/items`, { token: dancerA.accessToken, json: { taskId: ids.task } })).status).toBe(201)
  ids.collectionItem = (await api('GET', `/api/collections/${ids.collection}`, { token: dancerA.accessToken })).body.collection.items[0].id
  const bColl = await api('POST', '/api/collections', { token: dancerB.accessToken, json: { name: 'B collection' } })
  ids.bCollection = bColl.body.collection.id

  // I1's class plan with one library move in it.
  const plan = await api('POST', '/api/class-plans', { token: instructor1.accessToken, json: { title: 'IDOR plan' } })
  expect(plan.status, JSON.stringify(plan.body)).toBe(201)
  ids.plan = plan.body.plan.id
  const demoMove = (await db.query('SELECT id FROM "Move" WHERE "createdById" IS NULL AND enabled ORDER BY id LIMIT 1')).rows[0].id as string
  ids.demoMove = demoMove
  expect((await api('POST', `/api/class-plans/${ids.plan}/items`, { token: instructor1.accessToken, json: { moveId: demoMove } })).status).toBe(201)
  ids.planItem = (await api('GET', `/api/class-plans/${ids.plan}`, { token: instructor1.accessToken })).body.plan.items[0].id

  // A move I1 added: a copy of a demo move with stand-in clip and poster files, disabled so no
  // other test's generation or library listing meets it.
  ids.move = `idor-move-${randomBytes(4).toString('hex')}`
  const clipKey = `clips/idor-test/${ids.move}.mp4`
  const posterKey = `posters/idor-test/${ids.move}.jpg`
  await storage.put(clipKey, randomBytes(10_000))
  await storage.put(posterKey, randomBytes(1_000))
  const cols = (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Move'`)).rows.map((r) => r.column_name as string)
  const replaced: Record<string, string> = { id: '$2', name: `'IDOR move'`, createdById: '$3', enabled: 'false', clipKey: '$4', posterKey: '$5' }
  const pick = cols.map((c) => replaced[c] ?? `"${c}"`)
  await db.query(`INSERT INTO "Move" (${cols.map((c) => `"${c}"`).join(', ')}) SELECT ${pick.join(', ')} FROM "Move" WHERE id = $1`,
    [demoMove, ids.move, instructor1.userId, clipKey, posterKey])
}, 180_000)

afterAll(async () => {
  await db.query('DELETE FROM "Move" WHERE id = $1', [ids.move ?? ''])
  await db.end()
  console.info(`idor-matrix: ${cellCount} matrix cells (endpoint × role × owner/other) and ${forgedCount} forged-id, token and refresh cases asserted`)
})

function sessionFor(resourceOwner: 'A' | 'I1' | 'B', role: Role): Session | undefined {
  const owner = { A: dancerA, I1: instructor1, B: dancerB }[resourceOwner]
  switch (role) {
    case 'anon': return undefined
    case 'owner': return owner
    case 'user': return resourceOwner === 'B' ? dancerA : dancerB
    case 'instructor': return instructor2 // never an owner here
    case 'admin': return admin
  }
}

function checkCell(res: ApiResponse, expected: number, label: string) {
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(expected)
  if (expected >= 400) expectErrorShape(res, expected)
}

interface Row { owner: 'A' | 'I1' | 'B'; method: string; path: () => string; json?: () => unknown; cells: Cells; why?: string }
/** The rows, in the order they run: reads and changes first, deletions at the end. */
const rows: Row[] = [
  // A's private song: invisible to other dancers and instructors (404), an admin sees and manages all songs.
  { owner: 'A', method: 'GET', path: () => `/api/songs/${ids.song}`, cells: [401, 200, 404, 404, 200] },
  { owner: 'A', method: 'GET', path: () => `/api/songs/${ids.song}/audio`, cells: [401, 200, 404, 404, 200] },
  { owner: 'A', method: 'GET', path: () => `/api/songs/${ids.song}/energy`, cells: [401, 200, 404, 404, 200] },
  { owner: 'A', method: 'GET', path: () => `/api/songs/${ids.song}/analysis`, cells: [401, 200, 404, 404, 200] },
  { owner: 'A', method: 'PATCH', path: () => `/api/songs/${ids.song}`, json: () => ({ title: 'Renamed' }), cells: [401, 200, 404, 404, 200] },
  { owner: 'A', method: 'PATCH', path: () => `/api/songs/${ids.song}/analysis`, json: () => ({ kind: 'shift', beats: 1 }), cells: [401, 200, 404, 404, 200] },
  { owner: 'A', method: 'DELETE', path: () => `/api/songs/${ids.song}/analysis`, cells: [401, 200, 404, 404, 200] },
  { owner: 'A', method: 'POST', path: () => '/api/choreographies', json: () => ({ songId: ids.song, request: 'easy, 20 seconds' }), cells: [401, null, 404, 404, null], why: 'generating from the song: only the refusals (a success queues a render)' },
  // A's choreography: the owner's alone, admins included.
  { owner: 'A', method: 'GET', path: () => `/api/choreographies/${ids.task}`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'GET', path: () => `/api/choreographies/${ids.task}/status`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'GET', path: () => `/api/choreographies/${ids.task}/video`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'GET', path: () => `/api/choreographies/${ids.task}/poster`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'GET', path: () => `/api/choreographies/${ids.task}/events`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'PUT', path: () => `/api/choreographies/${ids.task}/favorite`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'DELETE', path: () => `/api/choreographies/${ids.task}/favorite`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'POST', path: () => `/api/choreographies/${ids.task}/cancel`, cells: [401, 409, 404, 404, 404], why: 'a finished choreography cannot be cancelled: the owner gets the 409' },
  { owner: 'A', method: 'POST', path: () => `/api/choreographies/${ids.task}/moves/0/regenerate`, cells: [401, null, 404, 404, 404], why: 'the owner\'s success would re-render' },
  { owner: 'A', method: 'GET', path: () => `/api/choreographies/${ids.task}/share`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'POST', path: () => `/api/choreographies/${ids.task}/share`, json: () => ({}), cells: [401, 201, 404, 404, 404] },
  // A share token plays for anyone, signed in or not.
  { owner: 'A', method: 'GET', path: () => `/api/share/${ids.shareToken}/video`, cells: [200, 200, 200, 200, 200] },
  { owner: 'A', method: 'GET', path: () => `/api/share/${ids.shareToken}/poster`, cells: [200, 200, 200, 200, 200] },
  // A's collection.
  { owner: 'A', method: 'GET', path: () => `/api/collections/${ids.collection}`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'PATCH', path: () => `/api/collections/${ids.collection}`, json: () => ({ description: 'mine' }), cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'POST', path: () => `/api/collections/${ids.collection}/items`, json: () => ({ taskId: ids.task }), cells: [401, null, 404, 404, 404], why: 'the task is already in it' },
  { owner: 'A', method: 'PATCH', path: () => `/api/collections/${ids.collection}/items/${ids.collectionItem}`, json: () => ({ note: 'n' }), cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'PUT', path: () => `/api/collections/${ids.collection}/order`, json: () => ({ itemIds: [ids.collectionItem] }), cells: [401, 200, 404, 404, 404] },
  // Another's choreography into one's own collection: B's collection, A's task.
  { owner: 'B', method: 'POST', path: () => `/api/collections/${ids.bCollection}/items`, json: () => ({ taskId: ids.task }), cells: [401, 404, 404, 404, 404], why: 'B owns the collection, nobody here owns the task' },
  // I1's class plan: dancers 403, another instructor 404, an admin reads (200) and may not change (403).
  { owner: 'I1', method: 'GET', path: () => `/api/class-plans/${ids.plan}`, cells: [401, 200, 403, 404, 200] },
  { owner: 'I1', method: 'GET', path: () => `/api/class-plans/${ids.plan}/export`, cells: [401, 200, 403, 404, 200] },
  { owner: 'I1', method: 'PATCH', path: () => `/api/class-plans/${ids.plan}`, json: () => ({ title: 'Renamed plan' }), cells: [401, 200, 403, 404, 403] },
  { owner: 'I1', method: 'POST', path: () => `/api/class-plans/${ids.plan}/duplicate`, cells: [401, 201, 403, 404, 403] },
  { owner: 'I1', method: 'POST', path: () => `/api/class-plans/${ids.plan}/items`, json: () => ({ moveId: ids.demoMove }), cells: [401, 201, 403, 404, 403] },
  { owner: 'I1', method: 'POST', path: () => `/api/class-plans/${ids.plan}/items`, json: () => ({ taskId: ids.task }), cells: [401, 404, 403, 404, 403], why: "A's choreography by id: not the plan owner's, so a 404 even to the plan's owner" },
  { owner: 'I1', method: 'POST', path: () => `/api/class-plans/${ids.plan}/items`, json: () => ({ shareToken: ids.shareToken }), cells: [401, 201, 403, 404, 403], why: 'shared with them through the link: allowed' },
  { owner: 'I1', method: 'PATCH', path: () => `/api/class-plans/${ids.plan}/items/${ids.planItem}`, json: () => ({ notes: 'n' }), cells: [401, 200, 403, 404, 403] },
  // I1's move (disabled): dancers do not see it; another instructor 403 on changes; an admin may.
  { owner: 'I1', method: 'GET', path: () => `/api/moves/${ids.move}`, cells: [401, 200, 404, 200, 200] },
  { owner: 'I1', method: 'GET', path: () => `/api/moves/${ids.move}/clip`, cells: [401, 200, 404, 200, 200] },
  { owner: 'I1', method: 'GET', path: () => `/api/moves/${ids.move}/poster`, cells: [401, 200, 404, 200, 200] },
  { owner: 'I1', method: 'PATCH', path: () => `/api/moves/${ids.move}`, json: () => ({ name: 'IDOR move renamed' }), cells: [401, 200, 403, 403, 200] },
  { owner: 'I1', method: 'POST', path: () => `/api/moves/${ids.move}/embed`, cells: [401, 200, 403, 403, 200] },
  { owner: 'I1', method: 'DELETE', path: () => `/api/moves/${ids.move}`, cells: [401, 200, 403, 403, 200] },
  // Users: B as the target; only admins manage users (B changing themselves is a dancer: 403).
  { owner: 'B', method: 'PATCH', path: () => `/api/admin/users/${dancerB.userId}`, json: () => ({ role: 'USER' }), cells: [401, 403, 403, 403, 200] },
  { owner: 'B', method: 'GET', path: () => '/api/admin/users', cells: [401, 403, 403, 403, 200] },
  { owner: 'B', method: 'GET', path: () => '/api/admin/stats', cells: [401, 403, 403, 200, 200] },
  { owner: 'B', method: 'GET', path: () => '/api/me/instructor-profile', cells: [401, 403, 403, 200, 200] },
  // Deletions last, the owner's after everyone else's refusal.
  { owner: 'I1', method: 'PUT', path: () => `/api/class-plans/${ids.plan}/order`, json: () => ({ itemIds: [ids.planItem] }), cells: [401, null, 403, 404, 403], why: 'the plan holds more items by now: the owner\'s order must name them all' },
  { owner: 'I1', method: 'DELETE', path: () => `/api/class-plans/${ids.plan}/items/${ids.planItem}`, cells: [401, 200, 403, 404, 403] },
  { owner: 'I1', method: 'DELETE', path: () => `/api/class-plans/${ids.plan}`, cells: [401, 200, 403, 404, 403] },
  { owner: 'A', method: 'DELETE', path: () => `/api/choreographies/${ids.task}/share/${ids.linkId}`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'GET', path: () => `/api/share/${ids.shareToken}/video`, cells: [404, 404, 404, 404, 404], why: 'revoked' },
  { owner: 'A', method: 'DELETE', path: () => `/api/collections/${ids.collection}/items/${ids.collectionItem}`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'DELETE', path: () => `/api/collections/${ids.collection}`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'DELETE', path: () => `/api/choreographies/${ids.task}`, cells: [401, 200, 404, 404, 404] },
  { owner: 'A', method: 'DELETE', path: () => `/api/songs/${ids.song}`, cells: [401, 200, 404, 404, null], why: "an admin may delete any song; the owner's delete stands for it" },
]

/** A cuid-shaped id nobody issued. */
const forgedId = () => 'c' + randomBytes(18).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 24)

describe('forged ids', () => {
  it('a made-up id, or another resource type\'s id, is a 404 JSON on every resource path', async () => {
    // ids.* are valid ids of other kinds: a collection id where a song id goes, and so on.
    const kinds = () => [forgedId(), forgedId(), ids.publicSong, ids.demoMove, dancerA.userId, ids.bCollection]
    const paths = (x: string) => [
      `/api/songs/${x}`, `/api/songs/${x}/audio`, `/api/choreographies/${x}`, `/api/choreographies/${x}/video`, `/api/choreographies/${x}/status`,
      `/api/collections/${x}`, `/api/class-plans/${x}`, `/api/moves/${x}`,
    ]
    const wrongKind: Record<string, string[]> = {
      [ids.publicSong]: ['/api/songs/'], [ids.demoMove]: ['/api/moves/'], [ids.bCollection]: ['/api/collections/'],
    }
    for (const x of kinds()) {
      for (const p of paths(x)) {
        if (wrongKind[x]?.some((prefix) => p === `${prefix}${x}` || p.startsWith(`${prefix}${x}/`))) continue // its own kind: it exists
        const token = p.startsWith('/api/class-plans') ? instructor2.accessToken : dancerB.accessToken
        const res = await api('GET', p, { token })
        expectErrorShape(res, 404)
        forgedCount++
      }
    }
  })

  it('forged and tampered share tokens are 404, alike', async () => {
    const real = ids.shareToken
    expect((await api('GET', `/api/share/${real}/poster`)).status, 'the real token plays').toBe(200)
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1)
    const tampered = [flip(real, 0), flip(real, 31), real.slice(0, 31), real + 'A', real.toLowerCase() === real ? real.toUpperCase() : real.toLowerCase(),
      randomBytes(24).toString('base64url'), '..%2F..%2Fetc%2Fpasswd', `${real}%2F..`, encodeURIComponent(`' OR '1'='1`)]
    const bodies = new Set<string>()
    for (const t of tampered) {
      for (const what of ['video', 'poster']) {
        const res = await api('GET', `/api/share/${t}/${what}`)
        expectErrorShape(res, 404)
        bodies.add(JSON.stringify({ code: res.body.error.code, message: res.body.error.message }))
        forgedCount++
      }
    }
    expect(bodies.size, 'every bad token gets the one answer').toBe(1)
  })
})

describe('endpoint × role × owner/other', () => {
  for (const row of rows) {
    it(`${row.method} ${row.path.toString().replace(/^\(\) => /, '').replace(/[`']/g, '')}${row.why ? ` (${row.why})` : ''}`, async () => {
      for (const i of RUN_ORDER) {
        const expected = row.cells[i]
        if (expected === null) continue
        const s = sessionFor(row.owner, ROLES[i])
        const res = await api(row.method, row.path(), { token: s?.accessToken, json: row.json?.() })
        checkCell(res, expected, `${row.method} ${row.path()} as ${ROLES[i]}`)
        cellCount++
      }
    })
  }
})

describe('tampered, expired and replayed tokens', () => {
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>
  const sign = (claims: Record<string, unknown>, exp: number, key = deriveKey('access-token'), alg = 'HS256') =>
    new SignJWT(claims).setProtectedHeader({ alg }).setIssuedAt(Math.floor(Date.now() / 1000) - 60).setExpirationTime(exp).sign(key)

  it('a changed payload, a wrong signature, alg none, an expired token or a refresh token as bearer: 401 on every kind of endpoint', async () => {
    const s = await registerAndSignIn('idor-tokens')
    const [head, payload, sig] = s.accessToken.split('.')
    const claims = claimsOf(s.accessToken)
    const now = Math.floor(Date.now() / 1000)
    const asOther = Buffer.from(JSON.stringify({ ...claims, sub: dancerB.userId })).toString('base64url')
    const asAdmin = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url')
    const bad: Array<[string, string]> = [
      ['payload naming another user, old signature', `${head}.${asOther}.${sig}`],
      ['payload with role ADMIN, old signature', `${head}.${asAdmin}.${sig}`],
      ['signature cut', `${head}.${payload}.`],
      ['signature of another key', await sign(claims, now + 600, new Uint8Array(32).fill(9))],
      ['alg none', `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`],
      ['expired', await sign(claims, now - 5)],
      ['refresh token as bearer', s.refreshToken],
      ['garbage', 'not.a.jwt'],
      ['empty segments', '..'],
    ]
    const { accessToken: faithful } = { accessToken: await sign(claims, now + 600) }
    expect((await api('GET', '/api/me', { token: faithful })).status, 'the forge is faithful').toBe(200)
    const probes: Array<[string, string]> = [
      ['GET', '/api/me'], ['GET', '/api/choreographies'], ['GET', `/api/songs/${ids.publicSong}`], ['GET', '/api/admin/users'],
      ['POST', '/api/collections'], ['GET', `/api/collections/${ids.bCollection}`],
    ]
    for (const [label, token] of bad) {
      for (const [method, path] of probes) {
        const res = await api(method, path, { token, json: method === 'POST' ? { name: 'x' } : undefined })
        expect(res.status, `${label} → ${method} ${path}`).toBe(401)
        expectErrorShape(res, 401, 'unauthenticated')
        forgedCount++
      }
    }
  })

  it('a refresh token replayed after the grace window revokes the family: old and new refresh and access tokens all die', async () => {
    const s = await registerAndSignIn('idor-replay')
    const r1 = await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })
    expect(r1.status).toBe(200)
    // Time passes without waiting: the spend moves past the grace window.
    const tokenHash = createHash('sha256').update(s.refreshToken).digest('hex')
    const moved = await db.query(`UPDATE "RefreshToken" SET "usedAt" = $2 WHERE "tokenHash" = $1 AND "usedAt" IS NOT NULL`,
      [tokenHash, new Date(Date.now() - (REFRESH_GRACE_SECONDS + 1) * 1000)])
    expect(moved.rowCount).toBe(1)
    const replay = await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } })
    expectErrorShape(replay, 401)
    for (const res of [
      await api('POST', '/api/auth/refresh', { json: { refreshToken: r1.body.refreshToken } }),
      await api('POST', '/api/auth/refresh', { json: { refreshToken: s.refreshToken } }),
      await api('GET', '/api/me', { token: r1.body.accessToken }),
      await api('GET', '/api/me', { token: s.accessToken }),
    ]) {
      expectErrorShape(res, 401)
      forgedCount++
    }
    forgedCount++
  })

  it('forged refresh tokens are refused; the real one still works', async () => {
    const s = await registerAndSignIn('idor-forged-refresh')
    const real = s.refreshToken
    for (const t of ['rt_' + randomBytes(32).toString('base64url'), real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A'), real + 'x']) {
      const res = await api('POST', '/api/auth/refresh', { json: { refreshToken: t } })
      expect([401, 422], JSON.stringify(res.body)).toContain(res.status)
      forgedCount++
    }
    const ok = await api('POST', '/api/auth/refresh', { json: { refreshToken: real } })
    expect(ok.status).toBe(200)
    expect((await api('GET', '/api/me', { token: ok.body.accessToken })).body.user.id).toBe(s.userId)
  })
})
