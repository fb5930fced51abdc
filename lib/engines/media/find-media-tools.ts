import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { execa } from 'execa'
import { findOnPath, isExecutableFile } from '@/lib/shared/find-on-path'

/**
 * Where ffmpeg and ffprobe come from, best first:
 *   env           FFMPEG_PATH / FFPROBE_PATH: the operator's choice wins, and a wrong one is
 *                 reported rather than silently replaced;
 *   ffmpeg-static its install script downloads a current build, which works only where that
 *                 download is reachable (ffmpeg only; it ships no ffprobe);
 *   system        the OS package (Debian's ffmpeg), looked up on PATH like `which`;
 *   npm-package   @ffmpeg-installer/ffmpeg + @ffprobe-installer/ffprobe: static binaries
 *                 inside registry packages (ffmpeg from 2018), so a machine with nothing
 *                 but npm can still render.
 */
export type MediaToolName = 'ffmpeg' | 'ffprobe'
export type MediaToolSource = 'env' | 'ffmpeg-static' | 'system' | 'npm-package'
export type MediaTool =
  | { name: MediaToolName; found: true; path: string; source: MediaToolSource }
  | { name: MediaToolName; found: false; problem: string }

export const MEDIA_TOOL_ENV: Record<MediaToolName, string> = { ffmpeg: 'FFMPEG_PATH', ffprobe: 'FFPROBE_PATH' }
export const MEDIA_TOOL_PACKAGE: Record<MediaToolName, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg', ffprobe: '@ffprobe-installer/ffprobe',
}

export interface FindMediaToolOptions {
  env?: Record<string, string | undefined>
  /** Loads an optional package (null when absent); tests hand in fakes. */
  loadPackage?: (name: string) => unknown
}

/**
 * An optional package, loaded at run time if it is installed; both installer packages throw
 * when their platform binary is missing, which counts as absent too. The production bundler
 * replaces a require() of a computed name, even through createRequire, with a stub that
 * always throws "Cannot find module": node:module is fetched through
 * process.getBuiltinModule (Node 20.16+), which it leaves alone, so the web app looks the
 * package up at run time like the worker does.
 */
export function loadOptionalPackage(name: string): unknown {
  const runtime = process.getBuiltinModule?.('node:module')?.createRequire ?? createRequire
  for (const base of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      return runtime(base)(name)
    } catch {
      // not installed as seen from there
    }
  }
  return null
}

/** A packaged binary may be missing, truncated or for another CPU: only one that runs counts. */
function runs(file: string): boolean {
  return isExecutableFile(file) && spawnSync(file, ['-version'], { stdio: 'ignore', timeout: 10_000 }).status === 0
}

export function missingToolLine(name: MediaToolName): string {
  return `${name} was not found: install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg), `
    + `or set ${MEDIA_TOOL_ENV[name]}, or let npm install the optional dependency ${MEDIA_TOOL_PACKAGE[name]} (npm ci without --omit=optional)`
}

export function findMediaTool(name: MediaToolName, o: FindMediaToolOptions = {}): MediaTool {
  const env = o.env ?? process.env
  const load = o.loadPackage ?? loadOptionalPackage
  const explicit = env[MEDIA_TOOL_ENV[name]]
  if (explicit) {
    const file = explicit.includes('/') ? explicit : findOnPath(explicit, env.PATH)
    if (file && isExecutableFile(file)) return { name, found: true, path: file, source: 'env' }
    return { name, found: false, problem: `${MEDIA_TOOL_ENV[name]}=${explicit} is not an executable file: fix it or unset it` }
  }
  if (name === 'ffmpeg') {
    const file = load('ffmpeg-static')
    if (typeof file === 'string' && runs(file)) return { name, found: true, path: file, source: 'ffmpeg-static' }
  }
  const system = findOnPath(name, env.PATH)
  if (system) return { name, found: true, path: system, source: 'system' }
  const pkg = load(MEDIA_TOOL_PACKAGE[name]) as { path?: unknown } | null
  if (pkg && typeof pkg.path === 'string' && runs(pkg.path)) return { name, found: true, path: pkg.path, source: 'npm-package' }
  return { name, found: false, problem: missingToolLine(name) }
}

/** "5.1.9-0+deb12u1" from `ffmpeg -version`'s first line; null when it cannot be run. */
export async function readToolVersion(file: string): Promise<string | null> {
  try {
    const { stdout } = await execa(file, ['-version'], { timeout: 10_000 })
    return /^\S+ version (\S+)/.exec(stdout)?.[1] ?? null
  } catch {
    return null
  }
}

/**
 * The one line a person needs when a tool came from the last resort (or is missing);
 * null when the binaries are the better kinds.
 */
export function mediaToolsNotice(tools: MediaTool[]): string | null {
  const missing = tools.find((t) => !t.found)
  if (missing && !missing.found) return missing.problem
  const packaged = tools.filter((t) => t.found && t.source === 'npm-package').map((t) => t.name)
  if (packaged.length === 0) return null
  return `${packaged.join(' and ')}: no system binary found, using the static build shipped in npm packages `
    + `(ffmpeg from 2018, slower); apt-get install ffmpeg (or set FFMPEG_PATH/FFPROBE_PATH) for a current one`
}
