import { createHash } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { runRenderFfmpeg } from './render-ffmpeg'
import { lookupSegment, reserveSegment } from './segment-cache'

/**
 * The song's audio for the video: [start, start + duration] as AAC in an .m4a, cached beside
 * the segments (a re-render or another choreography of the same span costs nothing). The
 * 'fast' AAC coder is ~3× quicker than the default and indistinguishable at 160 kb/s on a
 * practice video. Input seeking on decoded audio is sample-accurate and the MP4 edit list
 * hides the encoder's priming samples, so the audio starts exactly at the first count-one.
 * Stereo at most; mono stays mono (half the encode time).
 */
export const AUDIO_ENCODING = { codec: 'aac', coder: 'fast', bitrate: '160k', maxChannels: 2, maxSampleRate: 48_000 } as const

export interface SongAudioOptions {
  songFile: string
  songSha256: string
  channels: number
  sampleRate: number
  start: number
  duration: number
  cacheDir: string
  timeoutMs: number
  signal?: AbortSignal
}

export async function encodeSongAudio(o: SongAudioOptions): Promise<{ file: string; cached: boolean }> {
  const channels = Math.min(AUDIO_ENCODING.maxChannels, Math.max(1, o.channels))
  const rate = o.sampleRate > AUDIO_ENCODING.maxSampleRate ? AUDIO_ENCODING.maxSampleRate : o.sampleRate
  const key = createHash('sha256')
    .update(JSON.stringify({ song: o.songSha256, start: Math.round(o.start * 1e6), duration: Math.round(o.duration * 1e6), channels, rate, enc: AUDIO_ENCODING }))
    .digest('hex')
    .slice(0, 40)
  const hit = await lookupSegment(o.cacheDir, key, 'm4a')
  if (hit) return { file: hit, cached: true }
  const slot = await reserveSegment(o.cacheDir, key, 'm4a')
  try {
    await runRenderFfmpeg(
      [
        '-ss', o.start.toFixed(6), '-t', o.duration.toFixed(6), '-i', o.songFile,
        '-map', '0:a:0', '-vn', '-sn', '-dn',
        '-c:a', AUDIO_ENCODING.codec, '-aac_coder', AUDIO_ENCODING.coder, '-b:a', AUDIO_ENCODING.bitrate,
        '-ac', String(channels), '-ar', String(rate),
        '-map_metadata', '-1',
        '-f', 'mp4', '-y', slot.partial,
      ],
      { what: 'audio', timeoutMs: o.timeoutMs, signal: o.signal },
    )
    return { file: await slot.commit(), cached: false }
  } finally {
    await rm(slot.partial, { force: true })
  }
}
