/** Public surface of music analysis; callers import from '@/lib/engines/audio'. */
export { ANALYSIS_VERSION, SongAnalysisSchema, type SongAnalysis, type Phrase, type Section } from './analysis-schema'
export { ANALYSIS_SAMPLE_RATE } from './analysis-config'
export { decodeAudio, MIN_SONG_SECONDS, MAX_SONG_SECONDS, type DecodedAudio, type DecodeAudioOptions } from './decode-audio'
export { analyzePcm } from './analyze-pcm'
export { analyzeSongFile } from './analyze-song-file'
