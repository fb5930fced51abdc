import type { ClipTiming } from '@/lib/engines/audio/find-clip-timing'
import { probeClip, type ClipInfo } from '@/lib/engines/media/probe-clip'
import { isAppError } from '@/lib/shared/errors'
import { measureClipInWorker } from '@/lib/services/songs/analyze-in-worker'

/**
 * The tempo and first count one of a clip's own music, by the same analysis as songs
 * (issue 11 item 6), in the songs' worker-thread pool: seconds of CPU that must not stall
 * the event loop, bounded by the same concurrency. The clip is validated as a video first
 * (a 4xx if it is not one); a clip without a sound track, or one too short to decode,
 * answers without figures. A caller that has probed the clip already passes what it found.
 */
export async function measureClipTiming(file: string, probed?: ClipInfo): Promise<ClipTiming> {
  const info = probed ?? (await probeClip(file))
  if (!info.hasAudio) return { audio: false }
  try {
    return await measureClipInWorker(file)
  } catch (e) {
    // A validation error here means "too short to say" (the clip itself already passed probeClip).
    if (isAppError(e) && e.status === 422) return { audio: true, bpm: null, firstCountOffset: null, countOnes: [], confidence: 0 }
    throw e
  }
}
