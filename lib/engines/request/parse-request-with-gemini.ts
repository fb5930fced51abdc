import {
  GoogleGenerativeAI, GoogleGenerativeAIAbortError, GoogleGenerativeAIFetchError, GoogleGenerativeAIResponseError,
} from '@google/generative-ai'
import { logger, type Logger } from '@/lib/shared/logger'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { GEMINI_RESPONSE_SCHEMA, GEMINI_SYSTEM_INSTRUCTION, GeminiParamsSchema } from './gemini-request-schema'
import { parseRequestOffline } from './parse-request-offline'
import { assertRequestText } from './assert-request-text'

export const DEFAULT_GEMINI_MODEL = 'gemini-2.5-flash'
export const DEFAULT_GEMINI_TIMEOUT_MS = 8000

export interface GeminiParseOptions {
  apiKey: string
  /** e.g. a local fake server; the SDK appends /v1beta/models/{model}:generateContent. */
  baseUrl?: string
  model?: string
  timeoutMs?: number
  /** Where a fallback is reported (the CLI sends it to stderr to keep stdout pure JSON). */
  log?: Pick<Logger, 'warn'>
}

class GeminiTimeoutError extends Error {}
class GeminiOutputError extends Error {}

/**
 * One generateContent call, bounded by our own timer. We do not use the SDK's
 * RequestOptions.timeout: its setTimeout is never cleared, so every call would keep the
 * process alive for the full timeout. Aborting the signal cancels the HTTP request; the
 * race guarantees the bound even if a response body stalls.
 */
async function askGemini(text: string, opts: GeminiParseOptions, timeoutMs: number): Promise<string> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new GeminiTimeoutError(`timed out after ${timeoutMs} ms`))
    }, timeoutMs)
  })
  try {
    const model = new GoogleGenerativeAI(opts.apiKey).getGenerativeModel(
      {
        model: opts.model ?? DEFAULT_GEMINI_MODEL,
        systemInstruction: GEMINI_SYSTEM_INSTRUCTION,
        generationConfig: { responseMimeType: 'application/json', responseSchema: GEMINI_RESPONSE_SCHEMA, temperature: 0 },
      },
      opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/+$/, '') } : undefined,
    )
    const call = model.generateContent({ contents: [{ role: 'user', parts: [{ text }] }] }, { signal: controller.signal })
    const result = await Promise.race([call, deadline])
    return result.response.text()
  } finally {
    clearTimeout(timer)
  }
}

/** A short reason for the warning and the log, never the key or the request body. */
function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof GeminiTimeoutError || err instanceof GoogleGenerativeAIAbortError) return `timed out after ${timeoutMs} ms`
  if (err instanceof GoogleGenerativeAIFetchError) return err.status ? `HTTP ${err.status}` : 'network error'
  if (err instanceof GoogleGenerativeAIResponseError) return 'no usable answer'
  if (err instanceof SyntaxError) return 'invalid JSON'
  if (err instanceof GeminiOutputError) return `invalid output: ${err.message}`
  return 'network error'
}

/**
 * Parses the request with Gemini (JSON response schema, temperature 0, timeout, zod
 * safeParse) and falls back to the offline parser on ANY failure — network, HTTP error,
 * timeout, invalid JSON, a value outside the vocabulary, extra keys — so the caller always
 * gets valid params. `parser` says which one answered; a fallback carries a warning first.
 * Only input that is not acceptable at all (over 500 characters) throws (AppError 422).
 */
export async function parseRequestWithGemini(text: string, opts: GeminiParseOptions): Promise<ChoreographyParams> {
  const clean = assertRequestText(text)
  const timeoutMs = opts.timeoutMs ?? DEFAULT_GEMINI_TIMEOUT_MS
  try {
    const raw = await askGemini(clean, opts, timeoutMs)
    const parsed = GeminiParamsSchema.safeParse(JSON.parse(raw))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new GeminiOutputError(`${issue.path.join('.') || '(root)'}: ${issue.message}`.slice(0, 200))
    }
    return { ...parsed.data, parser: 'gemini', warnings: [] }
  } catch (err) {
    const reason = describeFailure(err, timeoutMs)
    ;(opts.log ?? logger).warn({ reason, model: opts.model ?? DEFAULT_GEMINI_MODEL }, 'Gemini request parsing failed; using the offline parser')
    const offline = parseRequestOffline(clean)
    const warning = `Gemini parser failed (${reason}); used the offline parser`.slice(0, 300)
    return { ...offline, warnings: [warning, ...offline.warnings].slice(0, 20) }
  }
}
