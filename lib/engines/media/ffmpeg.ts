import { setPriority } from 'node:os'
import { execa, type Options } from 'execa'
import { findMediaTool, mediaToolsNotice, readToolVersion, type MediaTool, type MediaToolName, type MediaToolSource } from './find-media-tools'

/** A tool that is needed and was not found: its message is the one line naming what to install. */
export class MediaToolMissingError extends Error {
  readonly code = 'media_tool_missing'
}

const found = new Map<MediaToolName, MediaTool>()

/**
 * ffmpeg/ffprobe for this process (find-media-tools.ts has the order), looked up once, on
 * first use rather than at import, so merely loading a route never spawns anything.
 */
export function mediaTool(name: MediaToolName): MediaTool {
  let tool = found.get(name)
  if (!tool) found.set(name, (tool = findMediaTool(name)))
  return tool
}

function requireTool(name: MediaToolName): string {
  const tool = mediaTool(name)
  if (!tool.found) throw new MediaToolMissingError(tool.problem)
  return tool.path
}

/** Which ffmpeg build this process encodes with, for cache keys: null for the system's (the
 * usual one, whose keys stay as they were), else where it came from and its path. */
export function ffmpegBuildKey(): string | null {
  const tool = mediaTool('ffmpeg')
  return tool.found && tool.source !== 'system' ? `${tool.source}:${tool.path}` : null
}

/** Every media tool found, the one-line notice about them (a fallback or a missing tool), and
 * whether both are there: what the worker, the demo and the test run check at start. */
export function checkMediaTools(): { tools: MediaTool[]; notice: string | null; ok: boolean } {
  const tools = [mediaTool('ffmpeg'), mediaTool('ffprobe')]
  return { tools, notice: mediaToolsNotice(tools), ok: tools.every((t) => t.found) }
}

export const ffmpegPath = () => requireTool('ffmpeg')
export const ffprobePath = () => requireTool('ffprobe')

export interface MediaToolReport {
  found: boolean
  source: MediaToolSource | null
  path: string | null
  version: string | null
  problem?: string
}

const versions = new Map<string, Promise<string | null>>()

/** What GET /api/health and the worker's /health say about each binary. */
export async function reportMediaTools(): Promise<Record<MediaToolName, MediaToolReport>> {
  const report = async (name: MediaToolName): Promise<MediaToolReport> => {
    const tool = mediaTool(name)
    if (!tool.found) return { found: false, source: null, path: null, version: null, problem: tool.problem }
    if (!versions.has(tool.path)) versions.set(tool.path, readToolVersion(tool.path))
    return { found: true, source: tool.source, path: tool.path, version: await versions.get(tool.path)! }
  }
  const [ffmpeg, ffprobe] = await Promise.all([report('ffmpeg'), report('ffprobe')])
  return { ffmpeg, ffprobe }
}

const optionLists = new Map<string, Promise<string>>()

/**
 * Whether this process's ffmpeg knows a command-line option (from `-h long`, once per binary).
 * The 2018 build shipped in npm packages predates some options Debian's 5.1 prefers.
 */
export async function ffmpegKnowsOption(option: string): Promise<boolean> {
  const file = ffmpegPath()
  if (!optionLists.has(file)) {
    optionLists.set(file, execa(file, ['-hide_banner', '-h', 'long'], { timeout: 10_000, reject: false }).then((r) => String(r.stdout)))
  }
  return (await optionLists.get(file)!).includes(`\n-${option} `)
}

/** `nice`: the child's nice value (Linux; ignored where not permitted): media work that a
 * request waits for can still yield the cores to the short requests around it. */
export type MediaToolOptions = Options & { nice?: number }

export async function runFfmpeg(args: string[], options: MediaToolOptions = {}) {
  const { nice, ...execaOptions } = options
  return withNice(execa(ffmpegPath(), ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args], execaOptions), nice)
}

/** Lowers a just-started child's priority (its first milliseconds run at ours). */
function withNice<T extends { pid?: number }>(child: T, nice: number | undefined): T {
  if (nice !== undefined && child.pid !== undefined) {
    try { setPriority(child.pid, nice) } catch { /* not permitted, or it has already ended */ }
  }
  return child
}

export interface ProbeResult {
  format?: { format_name?: string; duration?: string; size?: string; bit_rate?: string }
  streams?: Array<{
    index: number; codec_type?: string; codec_name?: string; width?: number; height?: number
    sample_rate?: string; channels?: number; duration?: string; r_frame_rate?: string; nb_frames?: string
    pix_fmt?: string
  }>
}

/** ffprobe as JSON; throws if the file cannot be parsed as media at all. */
export async function probeMedia(file: string, timeoutMs = 15_000, nice?: number): Promise<ProbeResult> {
  const { stdout } = await withNice(execa(
    ffprobePath(),
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    { timeout: timeoutMs },
  ), nice)
  return JSON.parse(stdout) as ProbeResult
}
