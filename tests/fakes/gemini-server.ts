import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for Gemini on 127.0.0.1 that speaks the real generateContent REST protocol
 * (POST /v1beta/models/{model}:generateContent, answer in candidates[0].content.parts[0].text,
 * errors as { error: { code, message, status } }), so the real SDK is exercised end to end.
 * Each test scripts the next answer(s) and can inspect what the client sent.
 */
export type GeminiReply =
  /** A well-formed answer whose text is JSON.stringify(json). */
  | { kind: 'json'; json: unknown }
  /** A well-formed answer with arbitrary text (invalid JSON, prose around JSON …). */
  | { kind: 'text'; text: string }
  /** An HTTP error in Google's error format. */
  | { kind: 'status'; status: number; message?: string }
  /** A 200 with no candidates, as when the prompt is blocked. */
  | { kind: 'blocked' }
  /** Wait, then reply (a slow model: use it to trigger the client's timeout). */
  | { kind: 'delay'; ms: number; then: GeminiReply }

export interface RecordedRequest {
  method: string
  path: string
  model: string | null
  headers: IncomingHttpHeaders
  /** Parsed JSON body (null if it was not JSON). */
  body: any
}

export interface FakeGemini {
  baseUrl: string
  requests: RecordedRequest[]
  /** Replies to the following requests in order; the last one repeats. */
  reply(...replies: GeminiReply[]): void
  close(): Promise<void>
}

const ROUTE = /^\/v1beta\/models\/([^/:]+):generateContent$/
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL', 503: 'UNAVAILABLE',
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.destroyed) return
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' })
  res.end(JSON.stringify(body))
}

function sendError(res: ServerResponse, status: number, message: string) {
  sendJson(res, status, { error: { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN' } })
}

function answer(text: string, model: string) {
  return {
    candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 42, candidatesTokenCount: Math.ceil(text.length / 4), totalTokenCount: 42 + Math.ceil(text.length / 4) },
    modelVersion: model,
  }
}

export async function startFakeGemini(): Promise<FakeGemini> {
  const requests: RecordedRequest[] = []
  let queue: GeminiReply[] = [{ kind: 'status', status: 500, message: 'no reply scripted' }]
  const timers = new Set<NodeJS.Timeout>()

  const play = (reply: GeminiReply, res: ServerResponse, model: string): void => {
    switch (reply.kind) {
      case 'json': return sendJson(res, 200, answer(JSON.stringify(reply.json), model))
      case 'text': return sendJson(res, 200, answer(reply.text, model))
      case 'status': return sendError(res, reply.status, reply.message ?? 'scripted failure')
      case 'blocked': return sendJson(res, 200, { promptFeedback: { blockReason: 'SAFETY', safetyRatings: [] }, modelVersion: model })
      case 'delay': {
        const timer = setTimeout(() => { timers.delete(timer); play(reply.then, res, model) }, reply.ms)
        timers.add(timer)
      }
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]
      const model = ROUTE.exec(path)?.[1] ?? null
      let body: any = null
      try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')) } catch { body = null }
      requests.push({ method: req.method ?? '', path, model, headers: req.headers, body })
      if (req.method !== 'POST' || !model) return sendError(res, 404, `no route for ${req.method} ${path}`)
      if (!req.headers['x-goog-api-key']) return sendError(res, 403, 'Method doesn\'t allow unregistered callers')
      if (!body || !Array.isArray(body.contents)) return sendError(res, 400, 'Invalid JSON payload received.')
      const reply = queue.length > 1 ? queue.shift()! : queue[0]
      play(reply, res, model)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => {
      if (replies.length === 0) throw new Error('reply() needs at least one reply')
      queue = replies
    },
    close: () => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      server.closeAllConnections()
      return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
    },
  }
}
