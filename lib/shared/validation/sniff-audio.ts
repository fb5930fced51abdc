/**
 * What the first bytes of a file say it is. Uploads are judged by content, never by name
 * or by the browser's Content-Type; ffprobe then confirms there is a real audio stream.
 */
export type AudioContainer = 'mp3' | 'wav' | 'flac' | 'ogg' | 'm4a' | 'webm' | 'aac'

export const AUDIO_MIME: Record<AudioContainer, string> = {
  mp3: 'audio/mpeg', wav: 'audio/wav', flac: 'audio/flac', ogg: 'audio/ogg', m4a: 'audio/mp4', webm: 'audio/webm', aac: 'audio/aac',
}

export function sniffAudio(head: Uint8Array): AudioContainer | null {
  const ascii = (from: number, len: number) => String.fromCharCode(...head.subarray(from, from + len))
  if (head.length < 12) return null
  if (ascii(0, 3) === 'ID3') return 'mp3'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return 'wav'
  if (ascii(0, 4) === 'fLaC') return 'flac'
  if (ascii(0, 4) === 'OggS') return 'ogg'
  if (ascii(4, 4) === 'ftyp') return 'm4a'
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm'
  // ADTS AAC: 12-bit sync 0xFFF with layer bits 00
  if (head[0] === 0xff && (head[1] & 0xf6) === 0xf0) return 'aac'
  // MPEG audio frame sync: 11 set bits, a valid version and layer
  if (head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && ((head[1] >> 1) & 0x3) !== 0) return 'mp3'
  return null
}
