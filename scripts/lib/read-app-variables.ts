import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { EnvSchema } from '../../lib/shared/env'
import { WorkerConfigSchema } from '../../worker/config'

/**
 * Which environment variables the web app and the worker read: the keys of the two zod
 * schemas (lib/shared/env.ts, worker/config.ts) and every `process.env.X` in product code
 * (lib/, worker/). The static tests that every one reaches the containers (docker compose,
 * .env.example: tests/unit/containers; both CDK targets: infra/test) all start from here.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Every `process.env.X` in lib/ and worker/, tests and generated code excluded. */
export function readProcessEnvNames(root = ROOT): Set<string> {
  const names = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry)
      if (statSync(full).isDirectory()) {
        if (entry !== 'generated' && entry !== 'node_modules') walk(full)
        continue
      }
      if (!/\.tsx?$/.test(entry) || /\.test\.tsx?$/.test(entry)) continue
      for (const m of readFileSync(full, 'utf8').matchAll(/process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1])
    }
  }
  walk(path.join(root, 'lib'))
  walk(path.join(root, 'worker'))
  return names
}

export const ENV_SCHEMA_NAMES = Object.keys(EnvSchema.shape)
/** The worker's own settings: the web container needn't carry them. */
export const WORKER_CONFIG_NAMES = Object.keys(WorkerConfigSchema.shape)

/** In lib/shared/env.ts but read only by the web app (auth, parsing, limits, mail, waking). */
export const WEB_ONLY_NAMES = [
  'AUTH_SECRET', 'GEMINI_API_KEY', 'GEMINI_BASE_URL', 'GEMINI_MODEL', 'GEMINI_TIMEOUT_MS', 'WORKER_URL', 'WORKER_WAKE_TIMEOUT_SECONDS',
  'ACCESS_TOKEN_TTL_SECONDS', 'REFRESH_TOKEN_TTL_SECONDS', 'RATE_LIMIT_AUTH_PER_MINUTE', 'RATE_LIMIT_DISABLED', 'TRUSTED_PROXY_HOPS',
  'WEB_CONCURRENCY', 'SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASSWORD', 'MAIL_FROM', 'MODEL_DIR',
]

/** The variables a service's container must be given (or leave unset for a stated reason). */
export function variablesReadBy(service: 'web' | 'worker', root = ROOT): string[] {
  const all = new Set([...ENV_SCHEMA_NAMES, ...WORKER_CONFIG_NAMES, ...readProcessEnvNames(root)])
  const skip = new Set(service === 'web' ? WORKER_CONFIG_NAMES : WEB_ONLY_NAMES)
  return [...all].filter((n) => !skip.has(n)).sort()
}
