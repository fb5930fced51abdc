import { z } from 'zod'

/**
 * The environment, parsed once with zod. A missing or malformed variable fails fast with
 * a message naming it, instead of surfacing later as an undefined somewhere deep.
 * Scripts (demo, tests) fill DATABASE_URL and AUTH_SECRET before the app starts, so the
 * app itself never guesses.
 */
const bool = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true')

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL'),
  /** Signs sessions and tokens. Required by anything that authenticates (see authSecret()). */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  APP_URL: z.string().url().default('http://localhost:3000'),
  DATA_DIR: z.string().default('./data'),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  /** CloudFront in front of the bucket (all three set): media links are CloudFront signed URLs. */
  MEDIA_CDN_URL: z.string().url().optional(),
  CLOUDFRONT_KEY_PAIR_ID: z.string().min(1).optional(),
  /** PEM; a one-line value may write its line breaks as \n (.env files). A secret in AWS. */
  CLOUDFRONT_PRIVATE_KEY: z.string().min(1).optional().transform((v) => v?.replace(/\\n/g, '\n')),
  /** How long a CloudFront media link plays: a practice session (default 4 h). */
  MEDIA_URL_TTL_SECONDS: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(4 * 3600),
  GEMINI_API_KEY: z.string().optional(),
  GEMINI_BASE_URL: z.string().url().optional(),
  GEMINI_MODEL: z.string().default('gemini-2.5-flash'),
  GEMINI_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  WORKER_URL: z.string().url().optional(),
  WORKER_SECRET: z.string().min(16).optional(),
  /** How long the web app holds a wake open. A worker in request mode renders inside it, so on
   * App Runner this must outlast WORKER_REQUEST_BUDGET_SECONDS. */
  WORKER_WAKE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(900).default(30),
  MODEL_DIR: z.string().optional(),
  FFMPEG_PATH: z.string().optional(),
  FFPROBE_PATH: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(7 * 24 * 3600),
  /** How long this process trusts a session check (family + user) before asking the database
   * again; 0 = every request. Changes made here apply at once, on other instances within it. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(3),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_DISABLED: bool,
  /** Proxies in front of the app that append to X-Forwarded-For (a load balancer, CloudFront):
   * 0 trusts none and takes the socket's peer as the client; N takes the address N hops in. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** A request body that sends nothing for this long is answered 408 and its connection closed. */
  BODY_IDLE_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(10),
  /** An upload (multipart) must arrive within this; under Node's own 300 s request timeout,
   * which would otherwise answer first with a bare text 408. */
  UPLOAD_TIME_LIMIT_SECONDS: z.coerce.number().positive().max(280).default(240),
  /** Web server processes sharing the port (scripts/serve-web.mjs reads it; default: the cores). */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Song analyses running at once, each in its own worker thread (default: cores − 1, at least 1). */
  ANALYSIS_CONCURRENCY: z.coerce.number().int().min(1).max(16).optional(),
  /** How often each instance looks for song analyses whose instance stopped (an expired lease). */
  ANALYSIS_SWEEP_SECONDS: z.coerce.number().positive().max(3600).default(60),
  /** Outgoing mail (password reset). Unset: no mail leaves the machine (see lib/shared/mail). */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** Implicit TLS (port 465). Off: STARTTLS when the server offers it. */
  SMTP_SECURE: bool,
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Bachata Buddy <no-reply@bachata.buddy>'),
  /** Bytes of uploaded songs a dancer may keep (staff: 10×). */
  USER_STORAGE_QUOTA_BYTES: z.coerce.number().int().positive().default(1024 ** 3),
  /** Renders a dancer may have queued or running at once (staff: 10×). */
  USER_CONCURRENT_RENDERS: z.coerce.number().int().min(1).max(1000).default(3),
  /** Bearer token of the Prometheus scrape (GET /api/metrics). Unset: the endpoint is a 404. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached && source === process.env) return cached
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}\nSee README.md#configuration.`)
  }
  if (source === process.env) cached = parsed.data
  return parsed.data
}

/** AUTH_SECRET, or a clear startup error: the app never falls back to a built-in secret. */
export function authSecret(): string {
  const secret = getEnv().AUTH_SECRET
  if (!secret) throw new Error('Invalid environment:\n  AUTH_SECRET: required (32+ random characters, e.g. `openssl rand -base64 32`)')
  return secret
}

/**
 * The public origin, for absolute links in metadata (Open Graph needs them). Read alone so a
 * page prerendered at build time, when DATABASE_URL may be unset, still gets it.
 */
export function appUrl(source: NodeJS.ProcessEnv = process.env): URL {
  return new URL(EnvSchema.shape.APP_URL.parse(source.APP_URL || undefined))
}
