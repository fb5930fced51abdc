import type { SongAnalysis } from './analysis-schema'

/**
 * What a dance clip's own music says about its timing: the tempo the couple dances to and
 * where the first count one falls. `audio: false` when the clip has no sound track; a track
 * too short or too free to hold a grid gives null figures rather than a guess.
 */
export type ClipTiming =
  | { audio: false }
  | {
      audio: true
      bpm: number | null
      /** Seconds from the start of the clip to the first count one. */
      firstCountOffset: number | null
      /** Every count one found, so an annotation that starts on a later 8-count still agrees. */
      countOnes: number[]
      confidence: number
    }

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

/** The song analysis of a clip's sound track, read as clip timing. */
export function findClipTiming(analysis: Pick<SongAnalysis, 'bpm' | 'countOne' | 'confidence'>): ClipTiming {
  const metered = analysis.countOne.length > 0
  return {
    audio: true,
    bpm: metered ? round(analysis.bpm, 1) : null,
    firstCountOffset: metered ? round(analysis.countOne[0], 3) : null,
    countOnes: analysis.countOne.map((t) => round(t, 3)),
    confidence: round(analysis.confidence, 3),
  }
}
