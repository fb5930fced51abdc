import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  findMediaTool, loadOptionalPackage, mediaToolsNotice, readToolVersion, type MediaTool,
} from '@/lib/engines/media/find-media-tools'

/**
 * The resolution order over real files and real spawns: each candidate is a small shell
 * script that prints a version line like ffmpeg's, so which one won is visible in its output.
 */
let root: string
async function fakeTool(dir: string, name: string, version: string, opts: { exitCode?: number; mode?: number } = {}) {
  await mkdir(join(root, dir), { recursive: true })
  const file = join(root, dir, name)
  await writeFile(file, `#!/bin/sh\necho "${name} version ${version} Copyright (c) fake"\nexit ${opts.exitCode ?? 0}\n`)
  await chmod(file, opts.mode ?? 0o755)
  return file
}

const found = (t: MediaTool) => (t.found ? { source: t.source, path: t.path } : { problem: t.problem })

let files: Record<string, string>
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'find-media-tools-'))
  files = {
    env: await fakeTool('env', 'ffmpeg', 'env-1'),
    static: await fakeTool('static', 'ffmpeg', 'static-6'),
    staticBroken: await fakeTool('static-broken', 'ffmpeg', 'broken', { exitCode: 1 }),
    system: await fakeTool('bin', 'ffmpeg', 'system-5'),
    systemProbe: await fakeTool('bin', 'ffprobe', 'system-5'),
    notExecutable: await fakeTool('not-x', 'ffmpeg', 'no', { mode: 0o644 }),
    packaged: await fakeTool('pkg', 'ffmpeg', 'pkg-2018'),
    packagedProbe: await fakeTool('pkg', 'ffprobe', 'pkg-2023'),
  }
  await mkdir(join(root, 'empty'), { recursive: true })
})

/** What the optional packages would export when installed with their binaries. */
function packages(over: Record<string, unknown> = {}) {
  const all: Record<string, unknown> = {
    'ffmpeg-static': files.static,
    '@ffmpeg-installer/ffmpeg': { path: files.packaged },
    '@ffprobe-installer/ffprobe': { path: files.packagedProbe },
    ...over,
  }
  return (name: string) => all[name] ?? null
}
const PATH = () => [join(root, 'empty'), join(root, 'not-x'), join(root, 'bin')].join(':')

describe('finding ffmpeg and ffprobe', () => {
  it('FFMPEG_PATH wins over everything, and a bare name there is looked up on PATH', async () => {
    const t = findMediaTool('ffmpeg', { env: { FFMPEG_PATH: files.env, PATH: PATH() }, loadPackage: packages() })
    expect(found(t)).toEqual({ source: 'env', path: files.env })
    expect(await readToolVersion(files.env)).toBe('env-1')
    const byName = findMediaTool('ffmpeg', { env: { FFMPEG_PATH: 'ffmpeg', PATH: join(root, 'env') }, loadPackage: packages() })
    expect(found(byName)).toEqual({ source: 'env', path: files.env })
  })

  it('a FFMPEG_PATH that is not an executable is reported, not silently replaced', () => {
    for (const bad of [join(root, 'nowhere', 'ffmpeg'), files.notExecutable]) {
      const t = findMediaTool('ffmpeg', { env: { FFMPEG_PATH: bad, PATH: PATH() }, loadPackage: packages() })
      expect(found(t)).toEqual({ problem: `FFMPEG_PATH=${bad} is not an executable file: fix it or unset it` })
    }
  })

  it('then ffmpeg-static, but only when its binary is there and runs', () => {
    const env = { PATH: PATH() }
    expect(found(findMediaTool('ffmpeg', { env, loadPackage: packages() }))).toEqual({ source: 'ffmpeg-static', path: files.static })
    // Its install script could not download: the path it exports points at nothing.
    const absent = packages({ 'ffmpeg-static': join(root, 'static', 'missing') })
    expect(found(findMediaTool('ffmpeg', { env, loadPackage: absent }))).toEqual({ source: 'system', path: files.system })
    const broken = packages({ 'ffmpeg-static': files.staticBroken })
    expect(found(findMediaTool('ffmpeg', { env, loadPackage: broken }))).toEqual({ source: 'system', path: files.system })
  })

  it('then the first executable on PATH (a non-executable file of that name is passed over)', async () => {
    const none = packages({ 'ffmpeg-static': null })
    const t = findMediaTool('ffmpeg', { env: { PATH: PATH() }, loadPackage: none })
    expect(found(t)).toEqual({ source: 'system', path: files.system })
    expect(await readToolVersion(files.system)).toBe('system-5')
    // ffmpeg-static ships no ffprobe: ffprobe goes straight to PATH.
    expect(found(findMediaTool('ffprobe', { env: { PATH: PATH() }, loadPackage: packages() }))).toEqual({ source: 'system', path: files.systemProbe })
  })

  it('then the binaries inside the npm packages, only when nothing better exists', () => {
    const env = { PATH: join(root, 'empty') }
    const none = packages({ 'ffmpeg-static': null })
    expect(found(findMediaTool('ffmpeg', { env, loadPackage: none }))).toEqual({ source: 'npm-package', path: files.packaged })
    expect(found(findMediaTool('ffprobe', { env, loadPackage: none }))).toEqual({ source: 'npm-package', path: files.packagedProbe })
  })

  it('nothing at all: one line naming what to install', () => {
    const t = findMediaTool('ffmpeg', { env: { PATH: join(root, 'empty') }, loadPackage: () => null })
    expect(t.found).toBe(false)
    const line = (t as { problem: string }).problem
    expect(line).not.toContain('\n')
    expect(line).toMatch(/^ffmpeg was not found: install it \(Debian\/Ubuntu: apt-get install ffmpeg.*FFMPEG_PATH.*@ffmpeg-installer\/ffmpeg/)
    expect(mediaToolsNotice([t])).toBe(line)
  })

  it('says in one line when the 2018 npm build is the one in use, and nothing when it is not', () => {
    const env = { PATH: join(root, 'empty') }
    const none = packages({ 'ffmpeg-static': null })
    const tools = [findMediaTool('ffmpeg', { env, loadPackage: none }), findMediaTool('ffprobe', { env, loadPackage: none })]
    expect(mediaToolsNotice(tools)).toMatch(/^ffmpeg and ffprobe: no system binary found, using the static build shipped in npm packages \(ffmpeg from 2018[^\n]*apt-get install ffmpeg/)
    expect(mediaToolsNotice([findMediaTool('ffmpeg', { env: { PATH: PATH() }, loadPackage: none })])).toBeNull()
  })

  it('the optional packages really are installed and their binaries run when PATH has none', async () => {
    // The real loader and the real packages (npm ci installs optional dependencies).
    const env = { PATH: join(root, 'empty') }
    const ffmpeg = findMediaTool('ffmpeg', { env, loadPackage: (n) => (n === 'ffmpeg-static' ? null : loadOptionalPackage(n)) })
    const ffprobe = findMediaTool('ffprobe', { env })
    expect(ffmpeg).toMatchObject({ found: true, source: 'npm-package', path: expect.stringContaining('@ffmpeg-installer/') })
    expect(ffprobe).toMatchObject({ found: true, source: 'npm-package', path: expect.stringContaining('@ffprobe-installer/') })
    expect(await readToolVersion((ffmpeg as { path: string }).path)).toMatch(/\S+/)
    expect(await readToolVersion((ffprobe as { path: string }).path)).toMatch(/\S+/)
  })
})
