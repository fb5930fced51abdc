/**
 * The one video format every clip in the move library is stored in (generated demo clips
 * and normalised instructor uploads alike), so the render worker can concatenate and retime
 * clips without per-clip surprises. 960x540 keeps the 150-clip demo library generation
 * well inside its 3-minute budget on 2 cores; the worker scales to the output resolution.
 */
export const LIBRARY_FORMAT = {
  width: 960,
  height: 540,
  fps: 30,
  videoCodec: 'h264',
  encoder: 'libx264',
  pixelFormat: 'yuv420p',
  audio: false,
  faststart: true,
  container: 'mp4',
} as const

/** Encoder arguments that produce the library format (after the input and filters). */
export function libraryEncodeArgs(opts: { preset?: string; crf?: number; threads?: number } = {}): string[] {
  return [
    '-an',
    '-r', String(LIBRARY_FORMAT.fps),
    '-c:v', LIBRARY_FORMAT.encoder,
    '-preset', opts.preset ?? 'veryfast',
    '-crf', String(opts.crf ?? 23),
    '-pix_fmt', LIBRARY_FORMAT.pixelFormat,
    // A keyframe every second keeps seeking to clip in-points cheap for the render worker.
    '-g', String(LIBRARY_FORMAT.fps),
    ...(opts.threads ? ['-threads', String(opts.threads)] : []),
    '-movflags', '+faststart',
    '-f', 'mp4',
  ]
}
