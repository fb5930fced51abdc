import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { execa, type Options } from 'execa'

/**
 * FFmpeg/ffprobe resolution shared by web and worker: FFMPEG_PATH, then ffmpeg-static if it
 * happens to be installed, then PATH (Debian's ffmpeg on these machines).
 */
function resolveFfmpeg(): string {
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH
  try {
    const p = createRequire(import.meta.url)('ffmpeg-static') as string | null
    if (p && existsSync(p)) return p
  } catch {
    // not installed: fall through to PATH
  }
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
