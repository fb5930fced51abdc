/**
 * The web image, run without Docker (CI has none): a standalone build laid out exactly as the
 * Dockerfile's final stage (scripts/lib/assemble-web-image.ts) in a temporary directory with
 * no node_modules above it, then the release command migrates a fresh database from there and
 * `node serve-web.mjs server.js` (the CMD, two processes) serves it: liveness, readiness with the database, a page, a sign-up. Also
 * checks what the image must not or must hold (no npm-packaged ffmpeg; sharp's platform
 * binaries). All of it (the build too) on the Node release the Dockerfile pins
 * (scripts/lib/image-node.ts), not the machine's. Prints one line per check and
 * `web image: N passed, N failed`.
 *   DATABASE_URL=… npx tsx scripts/check-web-image.ts [--reuse-build]   (embedded PostgreSQL when unset)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { checkMediaTools } from '@/lib/engines/media/ffmpeg'
import { assembleWebImage } from './lib/assemble-web-image'
import { RDS_CA_BUNDLE } from './lib/rds-ca-bundle'
import { freePort } from './lib/app-server'
import { provideImageNode } from './lib/image-node'
import { childProcesses, processBinary } from './lib/child-processes'
import { provideDatabase } from './lib/database'
import { setupModels } from './lib/prepare-database'

const results: [string, boolean, string?][] = []
const check = (name: string, ok: boolean, detail?: string) => {
  results.push([name, ok, detail])
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail && !ok ? `: ${detail}` : ''}`)
}

async function main() {
  const { path: node, version: nodeVersion } = await provideImageNode({ log: (s) => console.log(`[web image] ${s}`) })
  console.log(`[web image] on Node ${nodeVersion} (${node})`)
  if (process.argv.includes('--reuse-build') && existsSync('.next/standalone/server.js')) console.log('[web image] reusing .next/standalone')
  else {
    console.log('[web image] NEXT_OUTPUT=standalone next build …')
    await execa(node, ['node_modules/next/dist/bin/next', 'build'], {
      env: { NEXT_TELEMETRY_DISABLED: '1', NEXT_OUTPUT: 'standalone' }, stdio: 'inherit',
    })
  }
  await setupModels()
  const dir = mkdtempSync(path.join(tmpdir(), 'bb-web-image-'))
  const db = await provideDatabase({ fresh: true })
  let server: ReturnType<typeof execa> | undefined
  try {
    assembleWebImage({ root: '.', out: dir })
    const nm = path.join(dir, 'node_modules')
    check('no npm-packaged ffmpeg', !['@ffmpeg-installer', '@ffprobe-installer', 'ffmpeg-static'].some((p) => existsSync(path.join(nm, p))))
    const sharpDirs = ['next/node_modules/@img', '@img'].map((p) => path.join(nm, p)).filter(existsSync)
    check('sharp\'s platform binaries', sharpDirs.some((d) => readdirSync(d).some((n) => n.startsWith(`sharp-${process.platform}-${process.arch}`))))
    check('hnswlib-node\'s and argon2\'s compiled addons', existsSync(path.join(nm, 'hnswlib-node/build/Release/addon.node'))
      && existsSync(path.join(nm, 'argon2/build/Release/argon2.node')))
    const bundle = path.join(dir, RDS_CA_BUNDLE)
    const cas = existsSync(bundle) ? readFileSync(bundle, 'utf8').match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0 : 0
    check('the RDS certificate authorities (sslrootcert of the AWS database URL)', cas > 10, `${cas} certificates in ${RDS_CA_BUNDLE}`)
    check('no TypeScript or test runner', !['typescript', 'vitest', 'tsx', '@playwright/test'].some((p) => existsSync(path.join(nm, p))))

    const migrate = await execa(node, ['node_modules/prisma/build/index.js', 'migrate', 'deploy'], {
      cwd: dir, env: { DATABASE_URL: db.url }, reject: false, extendEnv: false,
    })
    check('release command (prisma migrate deploy) from the image', migrate.exitCode === 0, migrate.stderr || migrate.stdout)

    const port = await freePort()
    const tools = Object.fromEntries(checkMediaTools().tools.filter((t) => t.found).map((t) => [`${t.name.toUpperCase()}_PATH`, t.path!]))
    // As the image's CMD runs it: server.js once per core, here two.
    server = execa(node, ['serve-web.mjs', 'server.js'], {
      cwd: dir, reject: false, extendEnv: false, all: true,
      env: { ...tools, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', DATABASE_URL: db.url, WEB_CONCURRENCY: '2',
        AUTH_SECRET: 'web-image-check-'.padEnd(48, 'x'), APP_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' },
    })
    const base = `http://127.0.0.1:${port}`
    let live: Response | undefined
    for (let i = 0; i < 120 && !live; i++) {
      live = await fetch(`${base}/api/health/live`).catch(() => undefined)
      if (!live) await new Promise((r) => setTimeout(r, 500))
    }
    check('liveness /api/health/live', live?.status === 200)
    const workers = childProcesses(server.pid!)
    check('two server processes (WEB_CONCURRENCY=2)', workers.length === 2, `children: ${workers.join(', ')}`)
    const binaries = workers.map(processBinary)
    check(`the server processes run the image's Node (${nodeVersion})`, binaries.every((b) => b === realpathSync(node)), binaries.join(', '))
    // Readiness may say 503 while a worker's first database query is still cold (its ping has
    // 2 s); the platform asks again, and so does this check, for up to 30 s.
    let ready: { status: number; body: string } = { status: 0, body: '' }
    for (let i = 0; i < 60 && ready.status !== 200; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 500))
      const res = await fetch(`${base}/api/health`)
      ready = { status: res.status, body: await res.text() }
    }
    check('readiness /api/health (database)', ready.status === 200 && JSON.parse(ready.body).db === 'ok', `${ready.status} ${ready.body}`)
    check('a page (/sign-in)', (await fetch(`${base}/sign-in`)).status === 200)
    const signUp = await fetch(`${base}/api/auth/register`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: `image-${Date.now()}@check.bachata.buddy`, password: 'a-long-enough-password-1', name: 'Image check' }),
    })
    check('sign-up (argon2, the database)', signUp.status === 201, String(signUp.status))
  } catch (e) {
    check('run', false, e instanceof Error ? e.message : String(e))
  } finally {
    server?.kill('SIGTERM')
    const out = await server
    // The server's own words when anything failed (a crash shows as its exit signal).
    if (results.some(([, ok]) => !ok) && out) console.log(`server: ${out.signal ?? out.exitCode}\n${String(out.all ?? '').slice(-4000)}`)
    await db.release().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error('[web image] failed:', e)
  results.push(['run', false])
}).finally(() => {
  const failed = results.filter(([, ok]) => !ok).length
  console.log(`web image: ${results.length - failed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
})

