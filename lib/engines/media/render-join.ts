import { writeFile } from 'node:fs/promises'
import { runRenderFfmpeg } from './render-ffmpeg'
import { SEGMENT_ENCODING } from './render-segment'

export interface ConcatEntry {
  file: string
  /** Frames in this segment; with `fps`, gives the exact duration the demuxer must use. */
  frames: number
}

/**
 * Concat-demuxer list. Each entry states its duration: MP4 headers round durations to the
 * millisecond and the demuxer would shift every later segment by that error. The stated
 * durations are differences of rounded cumulative times, so each segment's offset is its
 * exact start to the microsecond and no error accumulates over hundreds of segments.
 * Single quotes in paths are closed, escaped and reopened.
 */
export function concatList(entries: ConcatEntry[], fps: number): string {
  const lines = ['ffconcat version 1.0']
  let frame = 0
  for (const e of entries) {
    const micros = Math.round(((frame + e.frames) * 1e6) / fps) - Math.round((frame * 1e6) / fps)
    lines.push(`file '${e.file.replace(/'/g, "'\\''")}'`, `duration ${(micros / 1e6).toFixed(6)}`)
    frame += e.frames
  }
  return lines.join('\n') + '\n'
}

interface StepOptions {
  timeoutMs: number
  signal?: AbortSignal
}

/**
 * Joins the segments without re-encoding: they share one encoding (SEGMENT_ENCODING), so
 * the concat demuxer only rewrites timestamps, each segment starting where the previous
 * one's last frame ends.
 */
export async function joinSegments(o: StepOptions & { segments: ConcatEntry[]; fps: number; listFile: string; outFile: string }): Promise<void> {
  await writeFile(o.listFile, concatList(o.segments, o.fps))
  await runRenderFfmpeg(
    [
      '-f', 'concat', '-safe', '0', '-i', o.listFile,
      '-map', '0:v:0', '-c', 'copy',
      '-video_track_timescale', String(SEGMENT_ENCODING.timescale),
      '-f', 'mp4', '-y', o.outFile,
    ],
    { what: 'join', timeoutMs: o.timeoutMs, signal: o.signal },
  )
}

/**
 * Puts the joined video and the song's audio (render-audio.ts) into the final MP4, both
 * stream-copied, with the index at the front (+faststart) so playback starts before the
 * whole file has arrived.
 */
export async function muxVideoAudio(o: StepOptions & { videoFile: string; audioFile: string; outFile: string }): Promise<void> {
  await runRenderFfmpeg(
    [
      '-i', o.videoFile, '-i', o.audioFile,
      '-map', '0:v:0', '-map', '1:a:0', '-c', 'copy',
      '-map_metadata', '-1',
      '-movflags', '+faststart',
      '-f', 'mp4', '-y', o.outFile,
    ],
    { what: 'mux', timeoutMs: o.timeoutMs, signal: o.signal },
  )
}
