import { stat } from 'node:fs/promises'
import { AppError } from '@/lib/shared/errors'
import { probeMedia, runFfmpeg, type ProbeResult } from '@/lib/engines/media/ffmpeg'
import { ANALYSIS_SAMPLE_RATE } from './analysis-config'

/**
 * Any common audio file → mono float32 PCM at one rate, or a clear 4xx AppError. ffprobe
 * looks first (by content, not by name): not media / no audio stream → 415; too short or
 * too long → 422 naming the limit, before any decoding work. Both tools run under a
 * timeout, and decoding is capped just past the limit so a lying header cannot make us
 * decode (and buffer) hours of audio.
 */
export const MIN_SONG_SECONDS = 10
export const MAX_SONG_SECONDS = 15 * 60

export interface DecodedAudio {
  pcm: Float32Array
  sampleRate: number
  durationSeconds: number
}

export interface DecodeAudioOptions {
  sampleRate?: number
  /** Budget for the whole decode (probe included). */
  timeoutMs?: number
  /** Shortest audio accepted; a dance clip's music is shorter than a song (default MIN_SONG_SECONDS). */
  minSeconds?: number
  /** ffprobe's and ffmpeg's nice value (default: this process's). */
  nice?: number
}

export async function decodeAudio(file: string, opts: DecodeAudioOptions = {}): Promise<DecodedAudio> {
  const sampleRate = opts.sampleRate ?? ANALYSIS_SAMPLE_RATE
  const timeoutMs = opts.timeoutMs ?? 60_000
  const minSeconds = opts.minSeconds ?? MIN_SONG_SECONDS
  if (!Number.isInteger(sampleRate) || sampleRate < 4000 || sampleRate > 192_000) {
    throw AppError.badRequest(`sampleRate must be an integer between 4000 and 192000, got ${sampleRate}`)
  }
  const info = await stat(file).catch(() => null)
  if (!info || !info.isFile()) throw AppError.notFound('Audio file')
  if (info.size === 0) throw AppError.unsupportedMedia('The file is empty')

  const started = Date.now()
  let probe: ProbeResult
  try {
    probe = await probeMedia(file, Math.min(timeoutMs, 15_000), opts.nice)
  } catch (e) {
    if ((e as { timedOut?: boolean }).timedOut) throw AppError.validation('The file could not be inspected in time')
    throw AppError.unsupportedMedia('The file is not a readable audio file')
  }
  const audio = probe.streams?.find((s) => s.codec_type === 'audio')
  if (!audio) throw AppError.unsupportedMedia('The file has no audio stream (is it an audio file?)')
  const declared = Number.parseFloat(probe.format?.duration ?? audio.duration ?? '')
  if (Number.isFinite(declared)) checkDuration(declared, minSeconds)

  let bytes: Uint8Array
  try {
    const result = await runFfmpeg(
      ['-i', file, '-map', '0:a:0', '-vn', '-sn', '-dn', '-ac', '1', '-ar', String(sampleRate),
        '-t', String(MAX_SONG_SECONDS + 1), '-f', 'f32le', 'pipe:1'],
      {
        encoding: 'buffer',
        timeout: Math.max(1000, timeoutMs - (Date.now() - started)),
        maxBuffer: (MAX_SONG_SECONDS + 2) * sampleRate * 4,
        nice: opts.nice,
      },
    )
    bytes = result.stdout as Uint8Array
  } catch (e) {
    if ((e as { timedOut?: boolean }).timedOut) throw AppError.validation('Decoding the audio took too long')
    throw AppError.validation('The audio could not be decoded (the file may be corrupted)')
  }
  // View the bytes in place when aligned (a 15-minute song is ~80 MB); copy only if not.
  const count = Math.floor(bytes.byteLength / 4)
  let pcm: Float32Array
  if (bytes.byteOffset % 4 === 0) pcm = new Float32Array(bytes.buffer, bytes.byteOffset, count)
  else {
    pcm = new Float32Array(count)
    new Uint8Array(pcm.buffer).set(bytes.subarray(0, count * 4))
  }
  const durationSeconds = pcm.length / sampleRate
  checkDuration(durationSeconds, minSeconds)
  return { pcm, sampleRate, durationSeconds }
}

function checkDuration(seconds: number, minSeconds: number) {
  if (seconds < minSeconds) {
    throw AppError.validation(`The song is too short (${seconds.toFixed(1)} s): the minimum is ${minSeconds} s`)
  }
  if (seconds > MAX_SONG_SECONDS + 0.5) {
    throw AppError.validation(`The song is too long (${(seconds / 60).toFixed(1)} min): the maximum is 15 min`)
  }
}
