import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { overlayFilters, overlayTexts, OVERLAY_FILES, type OverlayRequest } from './render-overlay'
import { runRenderFfmpeg } from './render-ffmpeg'
import { ffmpegKnowsOption } from './ffmpeg'
import { frameAnchors, outputFrameExpr } from './render-time-map'

/**
 * The one encoding every segment shares, so the concat demuxer can join them with -c copy:
 * same codec parameters, time base and GOP structure, each segment opening on an IDR frame
 * (x264's GOPs are closed by default). No B-frames: every segment's first frame then has
 * DTS = PTS = 0 and no edit list, which keeps concatenated timestamps exact. Any change here
 * changes every cache key (see segment-cache.ts).
 */
export const SEGMENT_ENCODING = {
  codec: 'libx264',
  preset: 'ultrafast',
  crf: 23,
  pixelFormat: 'yuv420p',
  level: '4.0',
  /** A keyframe every 2 s at most: practice players seek and A–B loop a lot. */
  gop: 60,
  /** Divisible by 24, 25, 30 and 60: frame times are exact integers in the container. */
  timescale: 15360,
} as const

export interface RenderSegmentOptions {
  clipFile: string
  clipFps: number
  /** The clip's frame size: padding is only added when its aspect differs from the output's. */
  clipSize: { width: number; height: number }
  /** Clip time of each count and of the move's end. */
  clipTimes: number[]
  /** Segment frame where each count (and the end) must be on screen. */
  countFrames: number[]
  frames: number
  output: { width: number; height: number; fps: number }
  overlay: OverlayRequest
  /** A hold: show this clip frame for every frame instead of retiming the clip. */
  stillFrame?: number
  /** Where the finished segment goes (the caller renames it into the cache). */
  outFile: string
  /** Scratch dir for the filter script and overlay texts; removed afterwards. */
  scratchDir: string
  threads: number
  timeoutMs: number
  signal?: AbortSignal
}

/** The filter graph: retime by the frame map onto a CFR grid, then scale (and pad) to the output. */
export function segmentFilter(o: Pick<RenderSegmentOptions, 'clipFps' | 'clipSize' | 'clipTimes' | 'countFrames' | 'output' | 'overlay' | 'stillFrame'>): string {
  const { width: W, height: H, fps } = o.output
  const sameAspect = o.clipSize.width * H === o.clipSize.height * W
  const timing = o.stillFrame === undefined
    ? [
      // Time base = one output frame, so the expression's value is the output frame number.
      `settb=expr=1/${fps}`,
      `setpts='${outputFrameExpr(frameAnchors(o.clipTimes, o.countFrames, o.clipFps))}'`,
    ]
    : [
      // A hold: every frame up to the still one at time 0, so the last of them (the still
      // frame, or the clip's last when it is shorter: what the move before showed) wins.
      // Cloned before the fps filter, which would emit nothing for a stream ending at time 0.
      `trim=end_frame=${o.stillFrame + 1}`,
      `settb=expr=1/${fps}`,
      'setpts=0',
      'tpad=stop=-1:stop_mode=clone',
    ]
  const parts = [
    ...timing,
    // Holds each frame until the next one's timestamp; among equal timestamps the last wins.
    `fps=fps=${fps}:start_time=0`,
    // Past the clip's last frame, hold it (the caller cuts at exactly `frames`).
    'tpad=stop=-1:stop_mode=clone',
    // Scaling after the retime touches only frames that are shown (not the dropped lead-in).
    ...(sameAspect
      ? [`scale=${W}:${H}:flags=bilinear`]
      : [`scale=${W}:${H}:force_original_aspect_ratio=decrease:flags=bilinear`, `pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=black`]),
    'setsar=1',
  ]
  const overlays = overlayFilters(o.overlay, o.countFrames, H)
  if (overlays) parts.push(overlays)
  parts.push(`format=${SEGMENT_ENCODING.pixelFormat}`)
  return parts.join(',\n')
}

export async function renderSegment(o: RenderSegmentOptions): Promise<void> {
  await mkdir(o.scratchDir, { recursive: true })
  try {
    for (const [key, text] of Object.entries(overlayTexts(o.overlay, o.countFrames))) {
      await writeFile(join(o.scratchDir, OVERLAY_FILES[key as keyof typeof OVERLAY_FILES]), text)
    }
    const script = resolve(o.scratchDir, 'filter.txt')
    await writeFile(script, segmentFilter(o))
    const e = SEGMENT_ENCODING
    const threads = String(Math.max(1, o.threads))
    await runRenderFfmpeg(
      [
        '-threads', threads,
        // ffmpeg runs in the scratch dir (for the overlay text files): paths must be absolute.
        '-i', resolve(o.clipFile),
        '-filter_threads', threads,
        '-filter_script:v', script,
        '-an', '-sn', '-dn',
        '-frames:v', String(o.frames),
        // Every decoded frame, as is: -fps_mode since ffmpeg 5; the 2018 build knows only -vsync.
        ...((await ffmpegKnowsOption('fps_mode')) ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough']),
        '-c:v', e.codec, '-preset', e.preset, '-crf', String(e.crf), '-pix_fmt', e.pixelFormat,
        '-level:v', e.level, '-bf', '0', '-g', String(e.gop), '-threads', threads,
        '-video_track_timescale', String(e.timescale),
        '-map_metadata', '-1',
        '-f', 'mp4', '-y', resolve(o.outFile),
      ],
      { what: 'segment', timeoutMs: o.timeoutMs, signal: o.signal, cwd: o.scratchDir },
    )
  } finally {
    await rm(o.scratchDir, { recursive: true, force: true })
  }
}
