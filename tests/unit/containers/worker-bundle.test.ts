import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, it } from 'vitest'
import { ffmpegPath, ffprobePath } from '@/lib/engines/media/ffmpeg'
import { buildWorker } from '@/scripts/build-worker'

/**
 * The worker image's program: scripts/build-worker.ts compiles worker/main.ts and the lib/ it
 * imports into one ES module that plain node loads, without tsx. (With only its package
 * closure and a real database, it renders: tests/integration/worker-compiled.test.ts.)
 */
const out = path.resolve(`.data/test-worker-bundle-${process.pid}`)
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('the compiled worker', () => {
  it('builds one module and names the npm packages it loads', async () => {
    const { main, packages } = await buildWorker(out)
    expect(main).toBe(path.join(out, 'main.js'))
    expect(packages).toEqual(expect.arrayContaining(['@prisma/client', '@prisma/adapter-pg', 'pg-boss', 'pino', 'zod', '@aws-sdk/client-s3']))
    expect(packages.filter((p) => p.startsWith('@/') || p.startsWith('next') || p === 'tsx')).toEqual([])
    expect(JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8'))).toEqual({ type: 'module' })
    // The generated Prisma client and lib/ are inside it (relative to the repo, not imported).
    const code = readFileSync(main, 'utf8')
    expect(code).toContain('lib/generated/prisma/client.ts')
    expect(code).not.toMatch(/from ["']@\//)
  })

  it('runs under plain node: it loads, reads its environment and reaches for the database', async () => {
    const run = await execa(process.execPath, [path.join(out, 'main.js')], {
      reject: false, timeout: 60_000,
      env: { DATABASE_URL: 'postgresql://nobody@127.0.0.1:9/none', FFMPEG_PATH: ffmpegPath(), FFPROBE_PATH: ffprobePath(),
        WORKER_PORT: '0', WORKER_CACHE_DIR: path.join(out, 'cache'), WORKER_WORK_DIR: path.join(out, 'work'), LOG_LEVEL: 'info' },
      extendEnv: false,
    })
    expect(run.exitCode).toBe(1)
    // Past every import and the env check, the first query is refused: nothing failed to load.
    expect(run.stdout).toContain('worker failed to start')
    expect(run.stdout).toMatch(/ECONNREFUSED/)
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/)
  })

  it('refuses a bad setting with its name, as the TypeScript entry does', async () => {
    const run = await execa(process.execPath, [path.join(out, 'main.js')], {
      reject: false, timeout: 60_000, extendEnv: false,
      env: { DATABASE_URL: 'postgresql://nobody@127.0.0.1:9/none', FFMPEG_PATH: ffmpegPath(), FFPROBE_PATH: ffprobePath(), WORKER_MODE: 'sometimes' },
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('WORKER_MODE')
  })
})
