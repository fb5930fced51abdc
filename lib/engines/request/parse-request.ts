import type { Logger } from '@/lib/shared/logger'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { parseRequestOffline } from './parse-request-offline'
import { parseRequestWithGemini } from './parse-request-with-gemini'
import { readGeminiConfig } from './read-gemini-config'
import type { WordMeanings } from './word-meanings'

export interface ParseRequestOptions {
  /** Overrides GEMINI_API_KEY; null forces the offline parser. */
  apiKey?: string | null
  baseUrl?: string
  model?: string
  timeoutMs?: number
  /** Where GEMINI_* are read from (tests pass their own). */
  env?: Readonly<Record<string, string | undefined>>
  log?: Pick<Logger, 'warn'>
  /** For the offline parser: words the lexicon lacks → the nearest vocabulary term (from word vectors). */
  wordMeanings?: WordMeanings | null
}

/**
 * The request parser the app uses: Gemini when a key is configured (falling back to the
 * offline parser on any failure), the offline parser otherwise. Always resolves to valid
 * params; rejects only with AppError 422 for unacceptable input (over 500 characters).
 */
export async function parseRequest(text: string, opts: ParseRequestOptions = {}): Promise<ChoreographyParams> {
  const config = readGeminiConfig(opts.env ?? process.env)
  const apiKey = opts.apiKey === undefined ? config.apiKey : opts.apiKey
  if (!apiKey) return parseRequestOffline(text, { wordMeanings: opts.wordMeanings })
  return parseRequestWithGemini(text, {
    apiKey,
    baseUrl: opts.baseUrl ?? config.baseUrl,
    model: opts.model ?? config.model,
    timeoutMs: opts.timeoutMs ?? config.timeoutMs,
    log: opts.log,
  })
}
