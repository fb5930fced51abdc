import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  commandOf, devDependencyProblems, finalStage, healthcheckProblems, rawText, readStages, runsAsRoot, secretProblems, unpinnedBases, type Stage,
} from './check-dockerfile'
import { pinnedNodeVersion } from '@/scripts/lib/image-node'

/** The two images, parsed (dockerfile-ast): pinned, non-root, health-checked, no secrets, no
 * dev dependencies in what runs, and each the way issue 14 asks. */
const read = (file: string) => readStages(readFileSync(file, 'utf8'))
const IMAGES: [string, Stage[]][] = [['Dockerfile', read('Dockerfile')], ['worker/Dockerfile', read('worker/Dockerfile')]]
const runs = (stages: Stage[]) => stages.flatMap((s) => s.instructions.filter((i) => i.getKeyword() === 'RUN').map(rawText))
const finalText = (stages: Stage[]) => finalStage(stages).instructions.map((i) => `${i.getKeyword()} ${rawText(i)}`).join('\n')

describe.each(IMAGES)('%s', (_file, stages) => {
  it('has a build stage and a final stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2)
  })
  it('pins every base image to a digest or an exact release tag', () => {
    expect(unpinnedBases(stages)).toEqual([])
  })
  it('runs as a user other than root', () => {
    expect(runsAsRoot(stages)).toEqual([])
  })
  it('has a HEALTHCHECK, on the liveness endpoint (no database)', () => {
    expect(healthcheckProblems(stages)).toEqual([])
    expect(finalText(stages)).toMatch(/HEALTHCHECK [^\n]*\/health\/live/)
  })
  it('holds no secret: no ENV/ARG with a secret-looking name and a value, no .env copied', () => {
    expect(secretProblems(stages)).toEqual([])
  })
  it('has no dev dependencies in the final stage', () => {
    expect(devDependencyProblems(stages)).toEqual([])
  })
  it('generates the Prisma client in the build and installs Debian ffmpeg in the final stage', () => {
    expect(runs(stages).some((r) => /\bprisma generate\b/.test(r))).toBe(true)
    expect(finalText(stages)).toMatch(/apt-get install [^\n]*\bffmpeg\b/)
  })
  it('never runs migrations at boot', () => {
    const boot = finalStage(stages).instructions.filter((i) => ['CMD', 'ENTRYPOINT'].includes(i.getKeyword()))
    expect(boot.map((i) => i.getArgumentsContent()).join(' ')).not.toMatch(/migrat/)
  })
  it('copies none of the npm-packaged ffmpeg builds into the final stage', () => {
    expect(finalText(stages)).not.toMatch(/ffmpeg-installer|ffprobe-installer|ffmpeg-static/)
  })
})

describe('the web image', () => {
  const [, web] = IMAGES[0]
  it('builds the standalone server with `next build` (which typechecks) and serves it with node', () => {
    expect(runs(web).some((r) => /NEXT_OUTPUT=standalone\s+npx next build/.test(r))).toBe(true)
    expect(commandOf(web)).toBe('["node", "serve-web.mjs", "server.js"]')
  })
  it('is the layout scripts/check-web-image.ts runs in CI (scripts/lib/assemble-web-image.ts), nothing else', () => {
    expect(runs(web).some((r) => /scripts\/assemble-web-image\.ts \/image$/.test(r))).toBe(true)
    const copies = finalStage(web).instructions.filter((i) => i.getKeyword() === 'COPY').map(rawText)
    expect(copies).toEqual(['--from=build --chown=app /image ./'])
  })
})

describe('the worker image', () => {
  const [, worker] = IMAGES[1]
  it('runs the compiled bundle with plain node: no tsx, no TypeScript', () => {
    expect(commandOf(worker)).toBe('["node", "--enable-source-maps", "dist/worker/main.js"]')
    expect(finalText(worker)).not.toMatch(/tsx|\.ts\b/)
    expect(runs(worker).some((r) => /scripts\/build-worker\.ts/.test(r))).toBe(true)
  })
  it('carries the RDS CA bundle at /app/certs/rds-ca-bundle.pem: the build writes it into /out, the final stage is /out', () => {
    expect(runs(worker).some((r) => /scripts\/write-rds-ca-bundle\.ts \/out$/.test(r))).toBe(true)
    expect(finalText(worker)).toMatch(/COPY --from=build --chown=app \/out \.\//)
    expect(finalText(worker)).toMatch(/WORKDIR \/app/)
    // The script itself, as the build runs it.
    const out = mkdtempSync(path.join(tmpdir(), 'bb-worker-out-'))
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/write-rds-ca-bundle.ts', out], { stdio: 'pipe' })
    expect(readFileSync(path.join(out, 'certs/rds-ca-bundle.pem'), 'utf8').match(/BEGIN CERTIFICATE/g)!.length).toBeGreaterThan(10)
  })
})

/** End of life of the Node LTS lines, from the Node.js release schedule (github.com/nodejs/Release). */
const NODE_END_OF_LIFE: Record<string, string> = { 20: '2026-04-30', 22: '2027-04-30', 24: '2028-04-30', 26: '2029-04-30' }

describe('the Node release the images run', () => {
  it('is one exact release for both images, on an LTS line that still gets security fixes', () => {
    const web = pinnedNodeVersion('Dockerfile')
    expect(pinnedNodeVersion('worker/Dockerfile')).toBe(web)
    const eol = NODE_END_OF_LIFE[web.split('.')[0]]
    expect(eol, `Node ${web}: add its line's end of life`).toBeDefined()
    expect(new Date(`${eol}T00:00:00Z`).getTime()).toBeGreaterThan(Date.now())
  })
  it('is read from the FROM lines, and stages that disagree are an error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bb-node-pin-'))
    const file = (name: string, text: string) => { writeFileSync(path.join(dir, name), text); return path.join(dir, name) }
    expect(pinnedNodeVersion(file('one', 'FROM node:24.1.0-bookworm-slim AS a\nRUN true\nFROM node:24.1.0-bookworm-slim\n'))).toBe('24.1.0')
    expect(() => pinnedNodeVersion(file('two', 'FROM node:24.1.0-bookworm-slim AS a\nFROM node:20.20.2-bookworm-slim\n'))).toThrow(/24\.1\.0, 20\.20\.2/)
    expect(() => pinnedNodeVersion(file('none', 'FROM node:24-bookworm-slim\n'))).toThrow(/none/)
  })
})

describe('the checks themselves fire on a bad Dockerfile', () => {
  const bad = readStages([
    'FROM node:20-bookworm-slim AS deps',
    'ARG NPM_TOKEN=abc123',
    'RUN npm ci',
    'FROM node:latest',
    'ENV AUTH_SECRET=hunter2hunter2 PORT=3000',
    'ENV PLAIN_API_KEY ""',
    'COPY .env ./',
    'COPY --from=deps /app/node_modules ./node_modules',
    'HEALTHCHECK NONE',
    'USER root',
    'CMD ["node", "--import", "tsx", "worker/main.ts"]',
  ].join('\n'))
  it('names each problem', () => {
    expect(unpinnedBases(bad)).toEqual([
      'base image not pinned to a digest or exact tag: node:20-bookworm-slim',
      'base image not pinned to a digest or exact tag: node:latest',
    ])
    expect(runsAsRoot(bad)).toEqual(['the final stage runs as root'])
    expect(healthcheckProblems(bad)).toEqual(['the HEALTHCHECK is NONE'])
    expect(secretProblems(bad)).toEqual(['ARG NPM_TOKEN holds a value', 'ENV AUTH_SECRET holds a value', 'COPY copies a .env file'])
    expect(devDependencyProblems(bad)).toEqual(['COPY --from=deps /app/node_modules: a dev install\'s node_modules'])
    expect(devDependencyProblems(readStages('FROM node:20.20.2 AS b\nRUN npm ci\nFROM b\nUSER app'))).toEqual(['the final stage builds FROM b, which installed dev dependencies'])
    expect(devDependencyProblems(readStages('FROM node:20.20.2\nRUN npm install --omit=dev\nRUN npm ci'))).toEqual(['the final stage installs with dev dependencies'])
    expect(unpinnedBases(readStages(`FROM node@sha256:${'a'.repeat(64)}\nFROM node:20.20.2-bookworm-slim`))).toEqual([])
    expect(runsAsRoot(readStages('FROM node:20.20.2\nRUN true'))).toEqual(['the final stage has no USER: it would run as root'])
  })
})
