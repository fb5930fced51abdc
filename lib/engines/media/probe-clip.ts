import { stat } from 'node:fs/promises'
import { AppError } from '@/lib/shared/errors'
import { probeMedia, type ProbeResult } from './ffmpeg'

export interface ClipLimits {
  maxSeconds: number
  maxBytes: number
  timeoutMs: number
}

export const DEFAULT_CLIP_LIMITS: ClipLimits = { maxSeconds: 60, maxBytes: 200 * 1024 * 1024, timeoutMs: 15_000 }

export interface ClipInfo {
  durationSeconds: number
  width: number
  height: number
  fps: number
  codec: string
  pixelFormat: string | null
  sizeBytes: number
  hasAudio: boolean
  formatName: string
}

/** Codecs ffprobe reports for single pictures: a renamed image is not a dance clip. */
const IMAGE_CODECS = new Set(['png', 'mjpeg', 'jpegls', 'bmp', 'gif', 'webp', 'tiff', 'apng', 'jpeg2000', 'pam', 'ppm', 'pgm', 'svg', 'qoi'])

/**
 * Validates an uploaded clip by its content, not its name: it must decode as video with a
 * moving-picture stream, last at most maxSeconds and weigh at most maxBytes. Every failure is
 * an AppError (4xx) saying what is wrong, so the instructor can fix the file.
 */
export async function probeClip(file: string, limits: Partial<ClipLimits> = {}): Promise<ClipInfo> {
  const { maxSeconds, maxBytes, timeoutMs } = { ...DEFAULT_CLIP_LIMITS, ...limits }
  const size = await stat(file).then((s) => s.size, () => {
    throw AppError.badRequest('The clip file is missing')
  })
  if (size === 0) throw AppError.badRequest('The clip file is empty (0 bytes)')
  if (size > maxBytes) {
    throw AppError.tooLarge(`The clip is ${mb(size)} MB; the limit is ${mb(maxBytes)} MB`)
  }

  let probe: ProbeResult
  try {
    probe = await probeMedia(file, timeoutMs)
  } catch (e) {
    const timedOut = (e as { timedOut?: boolean }).timedOut
    throw AppError.unsupportedMedia(timedOut ? 'The clip could not be read in time' : 'The file is not a readable video')
  }
  const streams = probe.streams ?? []
  const video = streams.find((s) => s.codec_type === 'video')
  const formatName = probe.format?.format_name ?? 'unknown'
  if (!video) {
    const audioOnly = streams.some((s) => s.codec_type === 'audio')
    throw AppError.unsupportedMedia(audioOnly ? 'The file has audio but no video stream' : 'The file has no video stream')
  }
  const duration = Number(probe.format?.duration ?? video.duration)
  // Image demuxers (png_pipe, image2, gif…) or an image codec without a real duration.
  const stillImage = /_pipe$|^image2$|^gif$/.test(formatName) ||
    (IMAGE_CODECS.has(video.codec_name ?? '') && !(duration > 0))
  if (stillImage) {
    throw AppError.unsupportedMedia(`The file is a still image (${video.codec_name}), not a video clip`)
  }
  if (!Number.isFinite(duration) || duration <= 0) throw AppError.unsupportedMedia('The clip has no measurable duration')
  if (duration > maxSeconds) {
    throw AppError.validation(`The clip is ${Math.round(duration)} s long; the limit is ${maxSeconds} s`, {
      clip: [`must be at most ${maxSeconds} seconds`],
    })
  }
  if (!video.width || !video.height) throw AppError.unsupportedMedia('The video stream has no frame size')
  return {
    durationSeconds: duration,
    width: video.width,
    height: video.height,
    fps: parseRate(video.r_frame_rate),
    codec: video.codec_name ?? 'unknown',
    pixelFormat: video.pix_fmt ?? null,
    sizeBytes: size,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
    formatName,
  }
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10

function parseRate(rate: string | undefined): number {
  const [n, d] = (rate ?? '0/1').split('/').map(Number)
  return d ? n / d : n || 0
}
