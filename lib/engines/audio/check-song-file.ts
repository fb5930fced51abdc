import { decodeAudio } from './decode-audio'

/** Decoding for the check only: a low rate keeps the PCM of a 15-minute song at ~14 MB. */
const CHECK_SAMPLE_RATE = 4000
/** The check's ffprobe and ffmpeg yield to the requests the server answers meanwhile (the
 * upload waits a little longer under load; /api/health at 300 req/s does not stall). */
const CHECK_NICE = 5

/**
 * The cheap half of a song's analysis, run while the upload waits: the file is audio (ffprobe,
 * by content), decodes to the end (a truncated or corrupted file decodes to too little) and
 * lasts 10 s to 15 min. ffmpeg does the work in its own process, off the event loop; the
 * seconds of beat analysis come later, in a worker thread. Errors are the same 4xx AppErrors
 * as decodeAudio's.
 */
export async function checkSongFile(file: string): Promise<{ durationSeconds: number }> {
  const { durationSeconds } = await decodeAudio(file, { sampleRate: CHECK_SAMPLE_RATE, nice: CHECK_NICE })
  return { durationSeconds }
}
