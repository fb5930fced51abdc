import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The e2e browser's resolution order over real files. Playwright's own browser directory is
 * pointed at a temp dir (before Playwright loads), so "Playwright's browser is installed" is
 * a file this test creates rather than whatever this machine happens to have.
 */
let root: string
let mod: typeof import('@/scripts/lib/find-browser')
let playwrightPath: string
let packaged: string

async function fakeChromium(dir: string, name = 'chromium') {
  await mkdir(dir, { recursive: true })
  const file = join(dir, name)
  await writeFile(file, '#!/bin/sh\necho "Chromium 1.0 fake"\n')
  await chmod(file, 0o755)
  return file
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'find-browser-'))
  process.env.PLAYWRIGHT_BROWSERS_PATH = join(root, 'ms-playwright')
  mod = await import('@/scripts/lib/find-browser')
  playwrightPath = (await import('@playwright/test')).chromium.executablePath()
  expect(playwrightPath.startsWith(root)).toBe(true)
})

describe('finding the e2e browser', () => {
  it('CHROMIUM_PATH wins over everything', async () => {
    const system = await fakeChromium(join(root, 'bin'))
    const b = mod.findBrowser({ CHROMIUM_PATH: '/opt/mine/chrome', PATH: dirname(system) })
    expect(b).toMatchObject({ source: 'env', executablePath: '/opt/mine/chrome', launch: { executablePath: '/opt/mine/chrome' } })
  })

  it('then the system chromium or chromium-browser on PATH', async () => {
    const system = await fakeChromium(join(root, 'bin'))
    expect(mod.findBrowser({ PATH: `${join(root, 'nothing')}:${dirname(system)}` })).toMatchObject({ source: 'system', executablePath: system })
    const ubuntu = await fakeChromium(join(root, 'ubuntu'), 'chromium-browser')
    expect(mod.findBrowser({ PATH: dirname(ubuntu) })).toMatchObject({ source: 'system', executablePath: ubuntu })
  })

  it('then @sparticuz/chromium, unpacked from the npm package, and it really runs', async () => {
    const b = mod.findBrowser({ PATH: join(root, 'nothing') })
    expect(b.source).toBe('sparticuz')
    expect(existsSync(b.executablePath)).toBe(true)
    packaged = b.executablePath
    const { stdout } = await execa(b.executablePath, ['--version'], { timeout: 30_000 })
    expect(stdout).toMatch(/Chromium \d+/)
  }, 120_000)

  it("Playwright's own browser comes before the system one once it is on disk", async () => {
    const system = await fakeChromium(join(root, 'bin'))
    await fakeChromium(dirname(playwrightPath), 'chrome')
    expect(mod.findBrowser({ PATH: dirname(system) })).toMatchObject({ source: 'playwright', executablePath: playwrightPath })
  })

  it('keeps its answer in the environment, so Playwright worker processes skip the search', () => {
    const env: Record<string, string | undefined> = { CHROMIUM_PATH: '/opt/first' }
    mod.findBrowser(env)
    env.CHROMIUM_PATH = '/opt/second'
    expect(mod.findBrowser(env).executablePath).toBe('/opt/first')
  })

  it('the line for a machine with none names what to install', () => {
    expect(mod.BROWSER_MISSING_LINE).not.toContain('\n')
    expect(mod.BROWSER_MISSING_LINE).toMatch(/apt-get install chromium.*CHROMIUM_PATH.*@sparticuz\/chromium/)
  })
})

describe('the packaged browser on a machine without NSS', () => {
  it('unpacks the libraries shipped beside it, and the browser runs with only those', async () => {
    const lib = mod.unpackBundledLibraries()
    for (const so of ['libnss3.so', 'libnspr4.so', 'libnssutil3.so']) expect(existsSync(join(lib, so))).toBe(true)
    // This machine has its own NSS: make sure the loader really takes the unpacked copy.
    const linked = (await execa('ldd', [packaged], { env: { LD_LIBRARY_PATH: lib } })).stdout
    expect(linked).toContain(`libnss3.so => ${join(lib, 'libnss3.so')}`)
    const { stdout } = await execa(packaged, ['--version'], { env: { LD_LIBRARY_PATH: lib }, timeout: 30_000 })
    expect(stdout).toMatch(/Chromium \d+/)
  }, 120_000)
})
