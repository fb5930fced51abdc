import type { SongAnalysis } from './analysis-schema'
import { analyzePcm } from './analyze-pcm'
import { decodeAudio, type DecodeAudioOptions } from './decode-audio'

/** Decode a file and analyse it: the entry point for uploads and the CLI. */
export async function analyzeSongFile(file: string, opts: DecodeAudioOptions = {}): Promise<SongAnalysis> {
  const { pcm, sampleRate } = await decodeAudio(file, opts)
  return analyzePcm(pcm, sampleRate)
}
