import { mkdtemp, readdir, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startApp, type RunningApp } from '@/scripts/lib/app-server'
import { registerAndSignIn } from './http'

// An instance of its own with short clocks (idle 2 s, uploads 5 s) and its own temp
// directory, so a stalled body is answered within seconds and its temp file can be seen.
let app: RunningApp
let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'slow-bodies-'))
  app = await startApp({ port: await freePort(), env: {
    DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: process.env.AUTH_SECRET!, DATA_DIR: process.env.DATA_DIR!,
    LOG_LEVEL: 'silent', TMPDIR: tmp, BODY_IDLE_TIMEOUT_SECONDS: '2', UPLOAD_TIME_LIMIT_SECONDS: '5',
  } })
}, 120_000)
afterAll(async () => {
  await app?.stop()
  await rm(tmp, { recursive: true, force: true })
})

interface RawExchange {
  /** Resolves when the server ends the connection (the client never closes it itself). */
  closed: Promise<{ status: number; headers: Record<string, string>; body: string }>
  write(chunk: string | Buffer): boolean
  destroyed(): boolean
}

/** A client on a bare socket: it sends what it is told and then says nothing more. */
function rawRequest(head: string): RawExchange {
  const { port, hostname } = new URL(app.url)
  const socket = net.connect(Number(port), hostname)
  socket.write(head)
  const received: Buffer[] = []
  socket.on('data', (d) => received.push(d))
  const closed = new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('utf8')
      const [top, ...rest] = text.split('\r\n\r\n')
      const [statusLine, ...headerLines] = top.split('\r\n')
      const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
      let body = rest.join('\r\n\r\n')
      if (headers['transfer-encoding'] === 'chunked') body = dechunk(body)
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body })
    })
  })
  return { closed, write: (c) => socket.write(c), destroyed: () => socket.destroyed }
}

function dechunk(s: string): string {
  let out = ''
  for (let i = 0; ;) {
    const eol = s.indexOf('\r\n', i)
    const size = parseInt(s.slice(i, eol), 16)
    if (!size) return out
    out += s.slice(eol + 2, eol + 2 + size)
    i = eol + 2 + size + 2
  }
}

const uploadsIn = async () => readdir(path.join(tmp, 'bachata-uploads')).catch(() => [] as string[])

async function waitForTempFile(): Promise<string[]> {
  for (;;) {
    const files = await uploadsIn()
    if (files.length) return files
    await new Promise((r) => setTimeout(r, 50))
  }
}

const BOUNDARY = 'slow-boundary-42'
function uploadHead(token: string, declaredBytes: number) {
  return `POST /api/songs HTTP/1.1\r\nHost: ${new URL(app.url).host}\r\nAuthorization: Bearer ${token}\r\n` +
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${declaredBytes}\r\n\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nSlow\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="slow.wav"\r\nContent-Type: audio/wav\r\n\r\n` +
    'RIFF\x24\x00\x10\x00WAVEfmt '
}

function expectTimeoutAnswer(res: { status: number; headers: Record<string, string>; body: string }) {
  expect(res.status).toBe(408)
  expect(res.headers['content-type']).toMatch(/application\/json/)
  expect(res.headers.connection).toBe('close')
  const json = JSON.parse(res.body) as { error: { code: string; message: string } }
  expect(json.error.code).toBe('request_timeout')
  return json.error.message
}

describe('slow request bodies', () => {
  it('a JSON body that stops arriving gets a JSON 408 and the server closes the connection', async () => {
    const body = '{"email":"someone@example.com",'
    const ex = rawRequest(`POST /api/auth/token HTTP/1.1\r\nHost: ${new URL(app.url).host}\r\n` +
      `Content-Type: application/json\r\nContent-Length: 200\r\n\r\n${body}`)
    const res = await ex.closed
    expect(expectTimeoutAnswer(res)).toMatch(/stalled/)
    expect(ex.destroyed()).toBe(true)
  })

  it('an upload that stalls mid-file: JSON 408, connection closed, temp file removed', async () => {
    const { accessToken } = await registerAndSignIn('stall')
    const ex = rawRequest(uploadHead(accessToken, 5_000_000))
    ex.write(Buffer.alloc(64 * 1024, 7))
    // The upload is under way: its temp file exists while the client says nothing more.
    const during = await waitForTempFile()
    expect(during).toHaveLength(1)
    const res = await ex.closed
    expect(expectTimeoutAnswer(res)).toMatch(/stalled/)
    expect(await uploadsIn()).toEqual([])
  })

  it('an upload that trickles (bytes keep coming, too slowly) is cut at the upload time limit', async () => {
    const { accessToken } = await registerAndSignIn('trickle')
    const ex = rawRequest(uploadHead(accessToken, 5_000_000))
    ex.write(Buffer.alloc(1024, 1))
    await waitForTempFile()
    // Well inside the 2 s idle clock, so only the 5 s total can end it.
    const trickle = setInterval(() => ex.write(Buffer.alloc(256, 3)), 300)
    try {
      const res = await ex.closed
      expect(expectTimeoutAnswer(res)).toMatch(/longer than 5 s/)
    } finally {
      clearInterval(trickle)
    }
    expect(await uploadsIn()).toEqual([])
  })
})

describe("next-auth's sign-in body, bounded like every other", () => {
  const signInHead = (type: string, declaredBytes: number) =>
    `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: ${new URL(app.url).host}\r\n` +
    `Content-Type: ${type}\r\nContent-Length: ${declaredBytes}\r\n\r\n`

  it('a form body that stops arriving gets a JSON 408 and the connection closed', async () => {
    const ex = rawRequest(signInHead('application/x-www-form-urlencoded', 500) + 'email=someone%40example.com&password=')
    const res = await ex.closed
    expect(expectTimeoutAnswer(res)).toMatch(/stalled/)
    expect(ex.destroyed()).toBe(true)
  })

  it('a JSON body that stops arriving too', async () => {
    const ex = rawRequest(signInHead('application/json', 500) + '{"email":"someone@example.com",')
    expect(expectTimeoutAnswer(await ex.closed)).toMatch(/stalled/)
  })

  const expectTooLarge = async (res: Response) => {
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const json = (await res.json()) as { error: { code: string; message: string } }
    expect(json.error.message).toMatch(/exceeds \d+ bytes/)
  }
  const hugeForm = `email=someone%40example.com&password=x&filler=${'a'.repeat(2 * 1024 * 1024)}`

  it('a huge body is a JSON 413, declared or not (a stream of chunks with no Content-Length)', async () => {
    const url = `${app.url}/api/auth/callback/credentials`
    await expectTooLarge(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: hugeForm }))
    await expectTooLarge(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.c', filler: hugeForm }) }))
    // Other next-auth actions read the body too.
    await expectTooLarge(await fetch(`${app.url}/api/auth/signout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: hugeForm }))
    // Last: the server stops reading this one part-way and closes the connection once it has
    // answered (the client may still be writing, and then sees the close instead of the 413).
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 64; i++) c.enqueue(new TextEncoder().encode('a'.repeat(32 * 1024)))
        c.close()
      },
    })
    const streamed = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: chunks, duplex: 'half' } as RequestInit)
      .catch(() => null)
    if (streamed) await expectTooLarge(streamed)
    // The next request from this client is answered (it hung on a half-read keep-alive
    // connection until Node reset it, ~5 s later).
    expect((await fetch(`${app.url}/api/health/live`)).status).toBe(200)
  })

  it('a sign-in body of normal size still reaches next-auth', async () => {
    const csrf = await fetch(`${app.url}/api/auth/csrf`)
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const { csrfToken } = (await csrf.json()) as { csrfToken: string }
    const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ email: 'nobody@test.bachata.buddy', password: 'wrong-password-1', csrfToken, json: 'true' }).toString(),
    })
    // next-auth's own answer to wrong credentials: 401 with the error page to show.
    expect(res.status).toBe(401)
    expect(((await res.json()) as { url: string }).url).toMatch(/error=CredentialsSignin/)
  })
})
