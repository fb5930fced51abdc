import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { execa, type Options } from 'execa'

/**
 * An optional package, loaded at run time if it is installed. The name is passed in rather
 * than written into a require() call so the production bundler does not try to resolve
 * (and warn about) a package that is, by design, often absent.
 */
function loadOptional(name: string): unknown {
  try {
    return createRequire(import.meta.url)(name)
  } catch {
    return null
  }
}

/**
 * FFmpeg/ffprobe resolution shared by web and worker: FFMPEG_PATH, then ffmpeg-static if it
 * happens to be installed, then PATH (Debian's ffmpeg on these machines).
 */
function resolveFfmpeg(): string {
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH
  const p = loadOptional('ffmpeg-static')
  // Its install script downloads the binary and may have been skipped: check it is there.
  // The path is only known at run time, so the build's file tracer is told to leave it be.
  if (typeof p === 'string' && existsSync(/* turbopackIgnore: true */ p)) return p
  return 'ffmpeg'
}

export const ffmpegPath = resolveFfmpeg()
export const ffprobePath = process.env.FFPROBE_PATH ?? 'ffprobe'

export async function runFfmpeg(args: string[], options: Options = {}) {
  return execa(ffmpegPath, ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args], options)
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
export async function probeMedia(file: string, timeoutMs = 15_000): Promise<ProbeResult> {
  const { stdout } = await execa(
    ffprobePath,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    { timeout: timeoutMs },
  )
  return JSON.parse(stdout) as ProbeResult
}
