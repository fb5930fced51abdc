import { EnvSchema } from '@/lib/shared/env'

/** Only the Gemini variables: the parser (and its CLI) must work without DATABASE_URL. */
const GeminiEnvSchema = EnvSchema.pick({
  GEMINI_API_KEY: true, GEMINI_BASE_URL: true, GEMINI_MODEL: true, GEMINI_TIMEOUT_MS: true,
})

export interface GeminiConfig {
  apiKey: string | undefined
  baseUrl: string | undefined
  model: string
  timeoutMs: number
}

/**
 * Reads GEMINI_API_KEY / GEMINI_BASE_URL / GEMINI_MODEL / GEMINI_TIMEOUT_MS with the app's
 * env schema. Empty strings count as unset (a blank line in .env must not enable Gemini);
 * a malformed value fails fast, naming the variable.
 */
export function readGeminiConfig(source: Readonly<Record<string, string | undefined>> = process.env): GeminiConfig {
  const present = Object.fromEntries(
    Object.keys(GeminiEnvSchema.shape).flatMap((k) => (source[k]?.trim() ? [[k, source[k]!.trim()]] : [])),
  )
  const parsed = GeminiEnvSchema.safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  return { apiKey: env.GEMINI_API_KEY, baseUrl: env.GEMINI_BASE_URL, model: env.GEMINI_MODEL, timeoutMs: env.GEMINI_TIMEOUT_MS }
}
