import { randomInt, randomUUID } from 'node:crypto'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/prisma/demo-accounts'

/** Small HTTP client for integration tests against the running app (TEST_APP_URL). */
export const BASE_URL = process.env.TEST_APP_URL ?? ''
if (!BASE_URL) throw new Error('TEST_APP_URL is not set: run integration tests through `npm test`')

export interface ApiResponse<T = any> {
  status: number
  headers: Headers
  body: T
}

/** Each test file is its own client (the app under test trusts one proxy hop): the suite's
 * many sign-ins then do not add up on one address's limit. */
const CLIENT_ADDRESS = `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`

export async function api<T = any>(
  method: string,
  path: string,
  opts: { json?: unknown; raw?: BodyInit; token?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'x-forwarded-for': CLIENT_ADDRESS, ...opts.headers }
  if (opts.json !== undefined) headers['content-type'] ??= 'application/json'
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.json !== undefined ? JSON.stringify(opts.json) : undefined),
    redirect: 'manual',
  })
  const text = await res.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // leave as text: the assertion will say what came back
  }
  return { status: res.status, headers: res.headers, body }
}

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${randomUUID().slice(0, 12)}@test.bachata.buddy`
}

export const PASSWORD = 'correct-horse-battery'

export async function registerAndSignIn(tag = 'user') {
  const email = uniqueEmail(tag)
  const reg = await api('POST', '/api/auth/register', { json: { email, password: PASSWORD, name: `Test ${tag}` } })
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`)
  const tok = await api('POST', '/api/auth/token', { json: { email, password: PASSWORD } })
  if (tok.status !== 200) throw new Error(`token failed: ${tok.status} ${JSON.stringify(tok.body)}`)
  return { email, userId: reg.body.user.id as string, accessToken: tok.body.accessToken as string, refreshToken: tok.body.refreshToken as string }
}

/** One sign-in per demo account per test file: the sign-in limit (per address and email)
 * would otherwise refuse the shared demo accounts when many files run at once. */
const demoSessions = new Map<string, Promise<{ accessToken: string; userId: string }>>()
export function signInDemo(role: 'USER' | 'INSTRUCTOR' | 'ADMIN') {
  let s = demoSessions.get(role)
  if (!s) {
    s = signInDemoOnce(role)
    demoSessions.set(role, s)
    s.catch(() => demoSessions.delete(role))
  }
  return s
}

async function signInDemoOnce(role: 'USER' | 'INSTRUCTOR' | 'ADMIN') {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!
  const tok = await api('POST', '/api/auth/token', { json: { email: account.email, password: DEMO_PASSWORD } })
  if (tok.status !== 200) throw new Error(`demo sign-in failed: ${tok.status} ${JSON.stringify(tok.body)}`)
  return { accessToken: tok.body.accessToken as string, userId: tok.body.user.id as string }
}

/** Every error response has the one shape. */
export function expectErrorShape(res: ApiResponse, status: number, code?: string) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`)
  if (typeof res.body?.error?.message !== 'string' || typeof res.body?.error?.code !== 'string') {
    throw new Error(`not a JSON error body: ${JSON.stringify(res.body)}`)
  }
  if (code && res.body.error.code !== code) throw new Error(`expected code ${code}, got ${res.body.error.code}`)
}

/** Asks GET /api/songs/:id/analysis until the song's analysis has ended (ready or failed). */
export async function waitForSongAnalysis(token: string, id: string, base = BASE_URL) {
  const deadline = Date.now() + 150_000
  for (;;) {
    const res = await fetch(`${base}/api/songs/${id}/analysis`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': CLIENT_ADDRESS } })
    const body = await res.json() as { analysisStatus: string; analysisError: { code: string; message: string } | null }
    if (res.status !== 200) throw new Error(`analysis status: ${res.status} ${JSON.stringify(body)}`)
    if (body.analysisStatus !== 'analysing') return body
    if (Date.now() > deadline) throw new Error(`song ${id} still analysing after 150 s`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** multipart song upload (file + fields). The upload answers 202 before the beat analysis;
 * this then waits for the analysis to end and gives the song as it is by then (with its
 * analysis), so tests about what comes after read as before. The POST's own song is `accepted`. */
export async function uploadSong(token: string, file: Buffer, fields: Record<string, string> = {}, filename = 'song.mp3') {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([new Uint8Array(file)]), filename)
  const res = await api('POST', '/api/songs', { token, raw: form })
  if (res.status !== 202) return res
  await waitForSongAnalysis(token, res.body.song.id)
  const now = await api('GET', `/api/songs/${res.body.song.id}`, { token })
  return { ...res, body: { ...res.body, song: now.body.song, accepted: res.body.song } }
}
