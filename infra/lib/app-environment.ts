import type { Config } from '../config/schema'

/**
 * What each container is given: plain values here, secrets by reference (never a value in the
 * template). One list for both compute targets, so ECS and App Runner can't drift apart;
 * test/app-environment.test.ts checks it against every variable the app and worker read.
 */
export type SecretName = 'database' | 'authSecret' | 'geminiApiKey' | 'workerSecret' | 'smtpPassword' | 'cloudFrontPrivateKey' | 'metricsToken'

export interface ContainerEnvironment {
  plain: Record<string, string>
  /** Env var name → which secret (the database secret is the whole RDS JSON, see DB_SECRET). */
  secrets: Record<string, SecretName>
}

/** Read by the command wrapper (database-url-command.ts), which turns it into DATABASE_URL. */
export const DB_SECRET_VAR = 'DB_SECRET'
export const WEB_PORT = 3000
export const WORKER_PORT = 8080
/** Liveness endpoints: they never touch the database, so the platform's health checks (every
 * 10–30 s) don't keep an idle Aurora from pausing. */
export const WEB_HEALTH_PATH = '/api/health/live'
export const WORKER_HEALTH_PATH = '/health/live'
/** App Runner ends a request after 120 s; its CPU is only allocated while one is in flight. */
const APP_RUNNER_REQUEST_LIMIT_SECONDS = 120
/** A request-mode wake renders this long at most, then releases the job and answers. */
const WORKER_REQUEST_BUDGET_SECONDS = 100
/** Fargate allows at most 120 s between SIGTERM and SIGKILL; the worker needs less. */
export const WORKER_STOP_TIMEOUT_SECONDS = 120
const WORKER_GRACE_SECONDS = 90

/**
 * Variables the code reads that are left unset on purpose, each with the reason. Anything the
 * code reads must be either set below or listed here (the static test enforces it).
 */
export const UNSET_ON_PURPOSE: Record<string, string> = {
  DATABASE_URL: 'built at start from DB_SECRET by the command wrapper, so rotation needs no redeploy of config',
  S3_ENDPOINT: 'real S3: the SDK picks the regional endpoint',
  FFMPEG_PATH: 'the images install Debian ffmpeg on PATH',
  FFPROBE_PATH: 'the images install Debian ffprobe on PATH',
  GEMINI_BASE_URL: "Google's default endpoint",
  MODEL_DIR: 'the web image ships the compacted word vectors at the default path (.data/models)',
  WORKER_ID: 'defaults to host:pid:random, unique per task',
  WORKER_HEARTBEAT_SECONDS: 'defaults to a third of WORKER_LEASE_SECONDS',
  WORKER_PORT: 'PORT is set instead (App Runner reserves PORT and sets it itself)',
  npm_package_version: 'APP_VERSION is set instead',
  PATH: "the image's own (Debian's ffmpeg and ffprobe are found on it)",
  METRICS_TOKEN: 'the worker serves no /api/metrics, so it is not given the scrape token (the web app gets it as a secret)',
}

/**
 * Read by the worker too (it parses lib/shared/env.ts) but left unset there: it never makes a
 * link for a browser, so it holds no signing key.
 */
export const WORKER_UNSET_ON_PURPOSE: Record<string, string> = {
  MEDIA_CDN_URL: 'the worker makes no browser links (web only)',
  CLOUDFRONT_KEY_PAIR_ID: 'the worker makes no browser links (web only)',
  CLOUDFRONT_PRIVATE_KEY: 'the worker holds no signing key (web only)',
  MEDIA_URL_TTL_SECONDS: 'the worker makes no browser links (web only)',
}

/** A CloudFront media link plays for a practice session. */
const MEDIA_URL_TTL_SECONDS = 4 * 3600

/** Variables only set when config.mail is given. */
export const MAIL_VARIABLES = ['SMTP_HOST', 'SMTP_USER', 'SMTP_PASSWORD'] as const

function mailEnvironment(config: Config): ContainerEnvironment {
  if (!config.mail) return { plain: { MAIL_FROM: 'Bachata Buddy <no-reply@bachata.buddy>', SMTP_PORT: '587', SMTP_SECURE: '0' }, secrets: {} }
  return {
    plain: {
      SMTP_HOST: config.mail.host, SMTP_PORT: String(config.mail.port), SMTP_SECURE: config.mail.secure ? '1' : '0',
      SMTP_USER: config.mail.user, MAIL_FROM: config.mail.from,
    },
    secrets: { SMTP_PASSWORD: 'smtpPassword' },
  }
}

function shared(config: Config, bucketName: string, service: 'web' | 'worker', version: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    SERVICE_NAME: service,
    APP_VERSION: version,
    APP_URL: config.appUrl,
    LOG_LEVEL: 'info',
    STORAGE_DRIVER: 's3',
    S3_BUCKET: bucketName,
    S3_REGION: config.region,
    DATA_DIR: '/tmp/bachata-data',
    // Per-user quotas (lib/services/quotas), parsed by lib/shared/env.ts in both services.
    USER_STORAGE_QUOTA_BYTES: String(1024 ** 3),
    USER_CONCURRENT_RENDERS: '3',
    // How long a session check is cached per instance: a revoke reaches the others within it.
    SESSION_CACHE_SECONDS: '3',
  }
}

/** The web task's vCPUs: Fargate's CPU units (1024 a vCPU) or App Runner's "N vCPU". */
export function webVcpus(config: Config): number {
  const units = config.compute === 'apprunner' ? parseFloat(config.web.appRunner.cpu) * 1024 : config.web.fargate.cpu
  return Math.max(1, Math.floor(units / 1024))
}

export function webEnvironment(config: Config, o: { bucketName: string; workerUrl: string; mediaKeyPairId: string }): ContainerEnvironment {
  const mail = mailEnvironment(config)
  return {
    plain: {
      ...shared(config, o.bucketName, 'web', config.images.webTag),
      PORT: String(WEB_PORT),
      HOSTNAME: '0.0.0.0',
      WORKER_URL: o.workerUrl,
      // App Runner: the worker renders inside the wake, so the web app holds it open past the
      // worker's budget (and under the request limit). ECS: the waker answers at once.
      WORKER_WAKE_TIMEOUT_SECONDS: String(config.compute === 'apprunner' ? APP_RUNNER_REQUEST_LIMIT_SECONDS - 5 : 30),
      DB_POOL_MAX: String(config.web.dbPoolMax),
      // One server process per vCPU of the web task (scripts/serve-web.mjs): Node's own count
      // of cores is the host's, not the task's share.
      WEB_CONCURRENCY: String(webVcpus(config)),
      GEMINI_MODEL: 'gemini-2.5-flash',
      GEMINI_TIMEOUT_MS: '8000',
      ACCESS_TOKEN_TTL_SECONDS: String(15 * 60),
      REFRESH_TOKEN_TTL_SECONDS: String(7 * 24 * 3600),
      RATE_LIMIT_AUTH_PER_MINUTE: '10',
      RATE_LIMIT_DISABLED: '0',
      // CloudFront appends the viewer's address, then the service's load balancer (the ALB,
      // or App Runner's own) appends CloudFront's: the client is two hops back from the peer.
      TRUSTED_PROXY_HOPS: '2',
      BODY_IDLE_TIMEOUT_SECONDS: '10',
      UPLOAD_TIME_LIMIT_SECONDS: '240',
      // One analysis thread beside the request thread (the web task's vCPU budget).
      ANALYSIS_CONCURRENCY: '1',
      ANALYSIS_SWEEP_SECONDS: '60',
      // Media paths of the app's own distribution go to the bucket (edge stack), so the
      // public URL is the CDN's; the key group trusts the storage stack's public key.
      MEDIA_CDN_URL: new URL(config.appUrl).origin,
      CLOUDFRONT_KEY_PAIR_ID: o.mediaKeyPairId,
      MEDIA_URL_TTL_SECONDS: String(MEDIA_URL_TTL_SECONDS),
      ...mail.plain,
    },
    secrets: {
      [DB_SECRET_VAR]: 'database', AUTH_SECRET: 'authSecret', GEMINI_API_KEY: 'geminiApiKey', WORKER_SECRET: 'workerSecret',
      CLOUDFRONT_PRIVATE_KEY: 'cloudFrontPrivateKey',
      METRICS_TOKEN: 'metricsToken',
      ...mail.secrets,
    },
  }
}

export function workerEnvironment(config: Config, o: { bucketName: string }): ContainerEnvironment {
  return {
    plain: {
      ...shared(config, o.bucketName, 'worker', config.images.workerTag),
      PORT: String(WORKER_PORT),
      WORKER_HOST: '0.0.0.0',
      // App Runner gives CPU only inside a request: render there, never poll (an idle worker
      // then holds no connection and Aurora can pause). ECS: a task that polls while it runs
      // and is scaled to zero when idle.
      WORKER_MODE: config.compute === 'apprunner' ? 'request' : 'poll',
      WORKER_REQUEST_BUDGET_SECONDS: String(WORKER_REQUEST_BUDGET_SECONDS),
      // One render per container: each is sized for one ffmpeg job; more work → more tasks.
      WORKER_CONCURRENCY: '1',
      // Parsed by lib/shared/env.ts here too (enforced by the web app only): the same values.
      BODY_IDLE_TIMEOUT_SECONDS: '10',
      UPLOAD_TIME_LIMIT_SECONDS: '240',
      ANALYSIS_CONCURRENCY: '1',
      ANALYSIS_SWEEP_SECONDS: '60',
      WORKER_POLL_SECONDS: '5',
      WORKER_LEASE_SECONDS: '30',
      WORKER_REAP_SECONDS: '10',
      WORKER_ORPHAN_GRACE_SECONDS: '60',
      WORKER_SHUTDOWN_GRACE_SECONDS: String(WORKER_GRACE_SECONDS),
      RENDER_ATTEMPTS: '3',
      RENDER_RETRY_DELAY_SECONDS: '5',
      RENDER_TIMEOUT_SECONDS: String(config.worker.renderTimeoutSeconds),
      WORKER_WORK_DIR: '/tmp/bachata-render',
      WORKER_CACHE_DIR: '/var/cache/bachata/segments',
      // The render cache lives on the task's ephemeral disk (20 GiB on Fargate): 2 GiB of it.
      RENDER_CACHE_MAX_BYTES: String(2 * 1024 ** 3),
      RENDER_CACHE_MAX_AGE_DAYS: '30',
      DB_POOL_MAX: '4',
    },
    secrets: { [DB_SECRET_VAR]: 'database', WORKER_SECRET: 'workerSecret' },
  }
}
