import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'

/**
 * A small HTTP client for the fault tests, which talk to app instances of their own: every
 * answer is recorded with its timing, so a test can say what a client saw while a part was
 * down. A request that gets no answer in `timeoutMs` is recorded as status 0.
 */
export interface Exchange {
  kind: string
  started: number
  ended: number
  status: number
  retryAfter: string | null
  contentType: string | null
  code: string | null
  body: any
}

export class FaultClient {
  readonly log: Exchange[] = []
  constructor(readonly baseUrl: string, private readonly timeoutMs = 20_000) {}

  async call(kind: string, method: string, path: string, o: { token?: string; json?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<Exchange> {
    const headers: Record<string, string> = { ...o.headers }
    if (o.token) headers.authorization = `Bearer ${o.token}`
    if (o.json !== undefined) headers['content-type'] = 'application/json'
    const started = Date.now()
    let ex: Exchange
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method, headers, body: o.form ?? (o.json === undefined ? undefined : JSON.stringify(o.json)),
        redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs),
      })
      const text = await res.text()
      let body: any = text
      try {
        body = text ? JSON.parse(text) : null
      } catch {
        // not JSON: the assertions say so
      }
      ex = {
        kind, started, ended: Date.now(), status: res.status, retryAfter: res.headers.get('retry-after'),
        contentType: res.headers.get('content-type'), code: body?.error?.code ?? null, body,
      }
    } catch (e) {
      ex = { kind, started, ended: Date.now(), status: 0, retryAfter: null, contentType: null, code: String(e), body: null }
    }
    this.log.push(ex)
    return ex
  }

  /** A fresh account and its bearer token (the instance's sign-in limits allow a handful). */
  /** An upload answers 202 before its beat analysis: wait until the song is ready to choreograph. */
  async untilAnalysed(token: string, songId: string): Promise<void> {
    const deadline = Date.now() + 150_000
    for (;;) {
      const res = await this.call('setup', 'GET', `/api/songs/${songId}/analysis`, { token })
      if (res.status === 200 && res.body.analysisStatus === 'ready') return
      if (res.status === 200 && res.body.analysisStatus === 'failed') throw new Error(`song ${songId}: ${JSON.stringify(res.body.analysisError)}`)
      if (Date.now() > deadline) throw new Error(`song ${songId} not analysed after 150 s (${res.status})`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  async newUser(tag: string): Promise<string> {
    const email = `${tag}-${Math.random().toString(36).slice(2, 10)}@faults.bachata.buddy`
    const password = 'correct-horse-battery'
    const reg = await this.call('setup', 'POST', '/api/auth/register', { json: { email, password, name: tag } })
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`)
    return this.signIn(email, password)
  }

  async signIn(email: string, password: string): Promise<string> {
    const tok = await this.call('setup', 'POST', '/api/auth/token', { json: { email, password } })
    if (tok.status !== 200) throw new Error(`sign-in: ${tok.status} ${JSON.stringify(tok.body)}`)
    return tok.body.accessToken as string
  }
}

/** The first demo song as an MP3 (synthesized once, then cached on disk). */
export async function demoSongMp3(): Promise<Buffer> {
  const [demo] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[0]], mp3: true })
  return readFile(demo.mp3!)
}

export function songForm(bytes: Buffer, fields: Record<string, string>, filename = 'song.mp3'): FormData {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'audio/mpeg' }), filename)
  return form
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Status counts, for failure messages and the report: {"200": 12, "503": 40}. */
export function tally(list: Exchange[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const e of list) out[`${e.kind} ${e.status}`] = (out[`${e.kind} ${e.status}`] ?? 0) + 1
  return out
}

/** One query on its own connection (the fault tests' databases come and go). */
export async function sqlOn<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(text, values)).rows as T[]
  } finally {
    await c.end()
  }
}
