import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
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

/** Unpacks @sparticuz/chromium (once per boot: it skips an existing /tmp copy) and says where. */
function packagedBrowser(): FoundBrowser | null {
  const script = `import('@sparticuz/chromium').then(async (m) => console.log(await m.default.executablePath()))`
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 })
  const file = r.status === 0 ? r.stdout.trim().split('\n').pop() : undefined
  if (!file || !existsSync(file)) return null
  // Its fonts arrive beside it; a machine without its own fontconfig set-up would render
  // every glyph as a box, so point fontconfig at them there.
  const fonts = '/tmp/fonts'
  const env = !existsSync('/etc/fonts/fonts.conf') && existsSync(`${fonts}/fonts.conf`) ? { FONTCONFIG_PATH: fonts } : undefined
  return { executablePath: file, source: 'sparticuz', env }
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
