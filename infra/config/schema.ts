import { z } from 'zod'

/**
 * One environment's settings, checked with zod before any construct is created, so a typo in
 * config/<env>.ts fails `cdk synth` with the field's name instead of deploying something odd.
 */
const account = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id')

/** App Runner accepts only these CPU/memory pairs (vCPU → GB). */
export const APP_RUNNER_SIZES: Record<string, string[]> = {
  '0.25 vCPU': ['0.5 GB', '1 GB'],
  '0.5 vCPU': ['1 GB'],
  '1 vCPU': ['2 GB', '3 GB', '4 GB'],
  '2 vCPU': ['4 GB', '6 GB'],
  '4 vCPU': ['8 GB', '10 GB', '12 GB'],
}

/** Fargate CPU units → the memory (MiB) each allows. */
const FARGATE_MEMORY: Record<number, [number, number]> = {
  256: [512, 2048], 512: [1024, 4096], 1024: [2048, 8192], 2048: [4096, 16384], 4096: [8192, 30720],
}

const fargateSize = z.object({ cpu: z.number().int(), memoryMiB: z.number().int() })
  .refine((s) => {
    const range = FARGATE_MEMORY[s.cpu]
    return !!range && s.memoryMiB >= range[0] && s.memoryMiB <= range[1] && s.memoryMiB % 1024 === 0
  }, 'not a valid Fargate cpu/memory pair')

const appRunnerSize = z.object({ cpu: z.string(), memory: z.string() })
  .refine((s) => APP_RUNNER_SIZES[s.cpu]?.includes(s.memory), 'not a valid App Runner cpu/memory pair')

/** Aurora PostgreSQL versions that can scale to 0 ACU. */
function supportsAutoPause(version: string): boolean {
  const [major, minor] = version.split('.').map(Number)
  return major > 16 || (major === 16 && minor >= 3) || (major === 15 && minor >= 7)
}

export const ConfigSchema = z.object({
  /** Short name used in stack and resource names: lowercase, no spaces. */
  name: z.string().regex(/^[a-z][a-z0-9-]{1,20}$/),
  /** Both optional: unset, the stacks are environment-agnostic (`cdk synth` needs no account). */
  account: account.optional(),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).default('us-east-1'),
  compute: z.enum(['ecs', 'apprunner']).default('ecs'),
  /** The public origin users type (CloudFront or its alias): the app's APP_URL. */
  appUrl: z.string().url(),
  /** Optional custom domain on CloudFront; the certificate must live in us-east-1. */
  domain: z.object({ names: z.array(z.string().min(3)).min(1), certificateArn: z.string().startsWith('arn:aws:acm:us-east-1:') }).optional(),
  /** Image tags pushed to the ECR repositories (docs/deploy.md). Exact tags, never "latest". */
  images: z.object({
    webTag: z.string().regex(/^[\w.-]{1,128}$/).refine((t) => t !== 'latest', 'pin an exact tag, not latest'),
    workerTag: z.string().regex(/^[\w.-]{1,128}$/).refine((t) => t !== 'latest', 'pin an exact tag, not latest'),
    /** The web image the migration task runs; defaults to webTag. A release sets it first. */
    migrateTag: z.string().regex(/^[\w.-]{1,128}$/).refine((t) => t !== 'latest', 'pin an exact tag, not latest').optional(),
    /** The images' own start commands (Dockerfile CMD): the DATABASE_URL wrapper execs them. */
    webCommand: z.array(z.string()).min(1).default(['node', 'serve-web.mjs', 'server.js']),
    workerCommand: z.array(z.string()).min(1).default(['node', '--enable-source-maps', 'dist/worker/main.js']),
    /** The release command, run once per release from the web image (it carries the CLI). */
    migrateCommand: z.array(z.string()).min(1).default(['node', 'node_modules/prisma/build/index.js', 'migrate', 'deploy']),
  }),
  network: z.object({
    cidr: z.string().default('10.0.0.0/16'),
    maxAzs: z.number().int().min(2).max(3).default(2),
    /** One NAT is cheaper; two survive an AZ outage. */
    natGateways: z.number().int().min(1).max(3).default(1),
  }).default({ cidr: '10.0.0.0/16', maxAzs: 2, natGateways: 1 }),
  database: z.object({
    /** Aurora PostgreSQL engine version, 15.x or newer. */
    engineVersion: z.string().regex(/^(1[5-9]|[2-9]\d)\.\d+$/, 'Aurora PostgreSQL 15.x or newer'),
    /** 0 lets Aurora auto-pause when nothing holds a connection. */
    minCapacity: z.number().min(0).max(256).multipleOf(0.5),
    maxCapacity: z.number().min(1).max(256).multipleOf(0.5),
    /** Seconds without connections before a paused-capable cluster pauses (300–86400). */
    secondsUntilAutoPause: z.number().int().min(300).max(86400).default(300),
    backupRetentionDays: z.number().int().min(7).max(35).default(7),
    deletionProtection: z.boolean().default(true),
    databaseName: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('bachata'),
  }).refine((d) => d.maxCapacity >= d.minCapacity, 'maxCapacity must be >= minCapacity')
    .refine((d) => d.minCapacity > 0 || supportsAutoPause(d.engineVersion), {
      message: 'minCapacity 0 (auto-pause) needs Aurora PostgreSQL 15.7+, 16.3+ or 17.x', path: ['engineVersion'],
    }),
  storage: z.object({
    /** Origins allowed to PUT signed uploads straight to S3 (CORS). */
    corsOrigins: z.array(z.string().url()).min(1),
    noncurrentVersionDays: z.number().int().min(1).default(30),
    outputsToInfrequentAccessDays: z.number().int().min(30).default(30),
  }),
  /** PEM public key of the CloudFront key pair that signs media URLs. */
  cloudFrontPublicKeyPem: z.string().regex(/-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/),
  web: z.object({
    minInstances: z.number().int().min(1).default(1),
    maxInstances: z.number().int().min(1).max(25).default(10),
    fargate: fargateSize.default({ cpu: 1024, memoryMiB: 2048 }),
    appRunner: appRunnerSize.default({ cpu: '1 vCPU', memory: '2 GB' }),
    dbPoolMax: z.number().int().min(1).max(100).default(10),
  }).refine((w) => w.maxInstances >= w.minInstances, 'maxInstances must be >= minInstances'),
  worker: z.object({
    maxInstances: z.number().int().min(1).max(10).default(2),
    /** A render needs CPU: 2 vCPU so ffmpeg's two threads each get one. */
    fargate: fargateSize.default({ cpu: 2048, memoryMiB: 4096 }),
    appRunner: appRunnerSize.default({ cpu: '2 vCPU', memory: '4 GB' }),
    /** ECS target: minutes of near-zero CPU before the worker scales back to zero. */
    idleMinutesBeforeScaleIn: z.number().int().min(5).max(120).default(15),
    renderTimeoutSeconds: z.number().int().min(60).default(1800),
  }),
  /** Outgoing mail for password resets; unset, no mail leaves AWS (lib/shared/mail). */
  mail: z.object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(587),
    secure: z.boolean().default(false),
    user: z.string().min(1),
    from: z.string().min(3),
  }).optional(),
  monitoring: z.object({
    alarmEmail: z.string().email().optional(),
    /** Aurora free local storage alarm threshold (bytes). */
    freeStorageBytes: z.number().int().positive().default(5 * 1024 ** 3),
  }).default({ freeStorageBytes: 5 * 1024 ** 3 }),
  logRetentionDays: z.literal(30).default(30),
})

export type Config = z.infer<typeof ConfigSchema>
export type ConfigInput = z.input<typeof ConfigSchema>
