import { videoStartOf, type Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import { RenderInputError } from './render-errors'

/**
 * Frame arithmetic of a render, pure. Every position comes from one formula on the song's
 * own times, frame(t) = round((t − videoStart)·fps), so segment boundaries and count frames
 * are cumulative: rounding never accumulates over 50 moves, and the video is exactly
 * round((end − videoStart)·fps) frames long whatever the segments' lengths. The video starts
 * at the count-in's first beat when the blueprint has one (else at `start`).
 */
export interface SegmentPlan {
  moveIndex: number
  clipKey: string
  name: string
  /** First output frame of this segment, counted from blueprint.start. */
  startFrame: number
  frames: number
  /** Clip time of each count of the move and of its end (counts + 1 values, seconds). */
  clipTimes: number[]
  /** Frame inside this segment where each count (and the end) must be on screen. */
  countFrames: number[]
  /**
   * A hold: no clip of its own. `still` is the move segment whose frame it shows for all its
   * frames (that segment's last frame when it follows one, so the dancers freeze where they
   * stopped), and clipKey, clipTimes are that segment's; `calls` are the counts the overlay
   * shows at its count frames.
   */
  still?: { clipTimes: number[]; countFrames: number[]; frame: number }
  calls?: number[]
  /** The count-in (moveIndex −1): a hold on the first move's first frame, its calls drawn large. */
  countIn?: true
}

export interface RenderPlan {
  width: number
  height: number
  fps: number
  totalFrames: number
  /** Song seconds the audio covers: [start, end]. */
  audioStart: number
  audioDuration: number
  overlays: { counts: boolean; moveNames: boolean }
  segments: SegmentPlan[]
}

export function planRender(bp: Blueprint): RenderPlan {
  const { fps, width, height } = bp.output
  const videoStart = videoStartOf(bp)
  const frameOf = (t: number) => Math.round((t - videoStart) * fps)
  const totalFrames = frameOf(bp.end)
  if (totalFrames < 1) throw RenderInputError.invalid('The choreography is shorter than one video frame')

  // Starts never go backwards and never pass the end, whatever the float noise.
  const starts: number[] = []
  bp.moves.forEach((m, i) => {
    const raw = i === 0 && !bp.countIn ? 0 : frameOf(m.songStart)
    starts.push(Math.min(totalFrames, Math.max(raw, i === 0 ? 0 : starts[i - 1])))
  })
  const segments: SegmentPlan[] = []
  if (bp.countIn && starts[0] > 0) {
    segments.push({
      moveIndex: -1, clipKey: '', name: 'Count-in', startFrame: 0, frames: starts[0], clipTimes: [],
      countFrames: bp.countIn.beatTimes.map(frameOf), calls: bp.countIn.calls, countIn: true,
    })
  }
  bp.moves.forEach((m, i) => {
    const startFrame = starts[i]
    const endFrame = i + 1 < starts.length ? starts[i + 1] : totalFrames
    // A move shorter than half a frame has no frame of its own; its neighbour covers it.
    if (endFrame <= startFrame) return
    const countFrames = m.beatTimes.map((t) => frameOf(t) - startFrame)
    if (m.kind === 'hold') {
      segments.push({ moveIndex: m.index, clipKey: '', name: m.name, startFrame, frames: endFrame - startFrame, clipTimes: [], countFrames, calls: m.calls })
      return
    }
    const span = (m.clipOut - m.clipIn) / m.counts
    segments.push({
      moveIndex: m.index,
      clipKey: m.clipKey,
      name: m.name,
      startFrame,
      frames: endFrame - startFrame,
      clipTimes: m.beatTimes.map((_, k) => m.clipIn + k * span),
      countFrames,
    })
  })
  resolveStills(segments)
  // If the first move was dropped, the next one starts the video: no frame is left uncovered.
  if (segments.length > 0 && segments[0].startFrame > 0) {
    const shift = segments[0].startFrame
    segments[0] = {
      ...segments[0],
      startFrame: 0,
      frames: segments[0].frames + shift,
      countFrames: segments[0].countFrames.map((f) => f + shift),
    }
  }
  return {
    width,
    height,
    fps,
    totalFrames,
    audioStart: videoStart,
    audioDuration: bp.end - videoStart,
    overlays: bp.output.overlays,
    segments,
  }
}

/** Each hold shows the last frame of the move before it, or the first of the move after it (the count-in does). */
function resolveStills(segments: SegmentPlan[]): void {
  segments.forEach((seg, i) => {
    if (!seg.calls) return
    const before = segments.slice(0, i).findLast((s) => !s.calls)
    const after = segments.slice(i + 1).find((s) => !s.calls)
    const src = before ?? after
    if (!src) throw RenderInputError.invalid('The choreography has holds but no move to hold a frame of')
    seg.clipKey = src.clipKey
    seg.still = { clipTimes: src.clipTimes, countFrames: src.countFrames, frame: before ? before.frames - 1 : 0 }
  })
}
