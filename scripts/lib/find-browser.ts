import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { findOnPath } from '@/lib/shared/find-on-path'

/**
 * The Chromium the e2e tests (and `npm run icons`) drive, best first:
 *   env         CHROMIUM_PATH: the operator's choice, used as given;
 *   playwright  Playwright's own download, where `npx playwright install` could reach it;
 *   system      Debian's chromium (or chromium-browser) on PATH;
 *   sparticuz   @sparticuz/chromium, a devDependency that ships a headless Chromium inside the
 *               npm package and unpacks it to the temp dir: a machine with nothing but npm
 *               still runs the e2e tests.
 * Synchronous because playwright.config.ts is: the unpacking (async in that package) runs in a
 * child node process. Playwright loads the config again in each worker process, so the answer
 * is kept in the environment, which they inherit, and found once per run.
 */
export type BrowserSource = 'env' | 'playwright' | 'system' | 'sparticuz'
export interface FoundBrowser {
  executablePath: string
  source: BrowserSource
  /** Extra environment for the browser process (fonts for the packaged one), or none. */
  env?: Record<string, string>
}

const CACHE_VAR = 'BACHATA_FOUND_BROWSER'

export class BrowserMissingError extends Error {}

export const BROWSER_MISSING_LINE = 'No Chromium found: install it (Debian/Ubuntu: apt-get install chromium), set CHROMIUM_PATH, '
  + 'or let npm install the devDependency @sparticuz/chromium (npm ci without --omit=dev)'

function playwrightBrowser(): string | null {
  try {
    const file = chromium.executablePath()
    return file && existsSync(file) ? file : null
  } catch {
    return null // no browser registry entry for this platform
  }
}

/**
 * The NSS libraries the packaged Chromium links against, from the same package (built for
 * Amazon Linux, where it unpacks them itself; elsewhere only we do). Returns their directory.
 */
export function unpackBundledLibraries(): string {
  const pkg = dirname(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')))
  const out = join(tmpdir(), 'al2023')
  const lib = join(out, 'lib')
  if (!existsSync(join(lib, 'libnss3.so'))) {
    mkdirSync(out, { recursive: true })
    const tar = brotliDecompressSync(readFileSync(join(pkg, 'bin', 'al2023.tar.br')))
    const r = spawnSync('tar', ['-x', '-C', out], { input: tar })
    if (r.status !== 0) throw new Error(`could not unpack the libraries of @sparticuz/chromium: ${String(r.stderr).trim()}`)
  }
  return lib
}

/** `ldd` names a library the binary needs that this system lacks (a machine without libnss3). */
function lacksLibraries(file: string): boolean {
  const r = spawnSync('ldd', [file], { encoding: 'utf8' })
  return r.status === 0 && r.stdout.includes('not found')
}

/** Unpacks @sparticuz/chromium (once per boot: it skips an existing /tmp copy) and says where. */
function packagedBrowser(): FoundBrowser | null {
  const script = `import('@sparticuz/chromium').then(async (m) => console.log(await m.default.executablePath()))`
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 })
  const file = r.status === 0 ? r.stdout.trim().split('\n').pop() : undefined
  if (!file || !existsSync(file)) return null
  // Its fonts arrive beside it; a machine without its own fontconfig set-up would render
  // every glyph as a box, so point fontconfig at them there.
  const env: Record<string, string> = {}
  const fonts = join(tmpdir(), 'fonts')
  if (!existsSync('/etc/fonts/fonts.conf') && existsSync(join(fonts, 'fonts.conf'))) env.FONTCONFIG_PATH = fonts
  if (lacksLibraries(file)) env.LD_LIBRARY_PATH = [unpackBundledLibraries(), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':')
  return { executablePath: file, source: 'sparticuz', ...(Object.keys(env).length ? { env } : {}) }
}

function search(env: Record<string, string | undefined>): FoundBrowser | null {
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, source: 'env' }
  const own = playwrightBrowser()
  if (own) return { executablePath: own, source: 'playwright' }
  const system = findOnPath('chromium', env.PATH) ?? findOnPath('chromium-browser', env.PATH)
  if (system) return { executablePath: system, source: 'system' }
  return packagedBrowser()
}

/** The browser to launch, or BrowserMissingError with the one line naming what to install. */
export function findBrowser(env: Record<string, string | undefined> = process.env): FoundBrowser & { launch: { executablePath: string; env?: Record<string, string> } } {
  let found: FoundBrowser | null = null
  const cached = env[CACHE_VAR]
  if (cached) found = JSON.parse(cached) as FoundBrowser
  else {
    found = search(env)
    if (found) env[CACHE_VAR] = JSON.stringify(found)
  }
  if (!found) throw new BrowserMissingError(BROWSER_MISSING_LINE)
  const launchEnv = found.env ? { ...(process.env as Record<string, string>), ...found.env } : undefined
  return { ...found, launch: { executablePath: found.executablePath, ...(launchEnv ? { env: launchEnv } : {}) } }
}
