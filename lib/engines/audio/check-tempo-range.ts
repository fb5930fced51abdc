import { MAX_BPM, MIN_BPM } from './analysis-config'
import { mean } from './signal-utils'

/**
 * Warnings for a grid that may count the wrong pulse. The tempo search only looks inside
 * 90–180 BPM, so a song whose pulse lies outside is folded into it (a 200 BPM song counted
 * at 100, a 70 BPM ballad at 140), and a 3:2 reading can win inside it. Both leave a mark
 * between the counted beats, which is where this looks:
 * - strong hits at the thirds or quarters of a beat: the real pulse is faster (×1.5 when the
 *   thirds clearly win, else ×2);
 * - nothing at all on the "and" (bachata always has the güira's eighths): the counted beats
 *   are themselves the eighths of a slower song.
 * Thresholds sit between the demo songs at 95–170 BPM and the same songs at 70 and 200
 * (check-tempo-range.test.ts).
 */
const FASTER_PULSE = 0.14
const NO_EIGHTHS = 0.33
const UNCLEAR_BEAT = 0.25

export interface TempoCheckInput {
  /** Onset strength per frame (the beat tracker's input). */
  envelope: Float32Array
  /** Beat times in frames. */
  beatFrames: number[]
  bpm: number
  confidence: number
}

function peak(e: Float32Array, from: number, to: number): number {
  let m = 0
  for (let i = Math.max(0, Math.round(from)); i <= Math.min(e.length - 1, Math.round(to)); i++) if (e[i] > m) m = e[i]
  return m
}

/** Onset strength at fractions of each beat interval, relative to the strength on the beats. */
export function measureBetweenBeats(envelope: Float32Array, beatFrames: number[]) {
  const on: number[] = [], eighth: number[] = [], third: number[] = [], quarter: number[] = []
  for (let i = 0; i + 1 < beatFrames.length; i++) {
    const f = beatFrames[i]
    const d = beatFrames[i + 1] - f
    const at = (a: number, b: number) => peak(envelope, f + a * d, f + b * d)
    on.push(at(-0.08, 0.08))
    eighth.push(at(0.38, 0.66)) // wide: a swung "and" lands up to 2/3 through the beat
    // Only the first half of the beat: a swung "and" lands anywhere up to 2/3 through it.
    third.push(at(0.29, 0.38))
    quarter.push(at(0.19, 0.29))
  }
  const base = Math.max(1e-9, mean(on))
  return { eighth: mean(eighth) / base, third: mean(third) / base, quarter: mean(quarter) / base }
}

/** The factor of a faster pulse the hits between the beats show (1.5 where the thirds clearly win, else 2), or null. */
export function hearsFasterPulse(between: ReturnType<typeof measureBetweenBeats>): 1.5 | 2 | null {
  if (Math.max(between.third, between.quarter) < FASTER_PULSE) return null
  return between.third > 1.5 * between.quarter ? 1.5 : 2
}

export function checkTempoRange({ envelope, beatFrames, bpm, confidence }: TempoCheckInput): string[] {
  if (beatFrames.length < 16) return []
  const warnings: string[] = []
  const between = measureBetweenBeats(envelope, beatFrames)
  const round = (x: number) => Math.round(x)
  const range = `bachata's ${MIN_BPM}–${MAX_BPM} BPM`
  const factor = hearsFasterPulse(between)
  if (factor) {
    const faster = round(bpm * factor)
    warnings.push(
      `Strong hits fall between the counted beats: the pulse may be about ${faster} BPM` +
        `${faster > MAX_BPM ? `, faster than ${range}` : ''}, not ${round(bpm)}. Check the count.`,
    )
  } else if (between.eighth < NO_EIGHTHS) {
    warnings.push(
      `No eighth notes between the counted beats: this may be a slow song near ${round(bpm / 2)} BPM` +
        `${bpm / 2 < MIN_BPM ? `, below ${range},` : ''} counted in double time at ${round(bpm)}. Check the count.`,
    )
  } else if (bpm < MIN_BPM || bpm > MAX_BPM) {
    warnings.push(`The tempo (${round(bpm)} BPM) is outside ${range}: check the count.`)
  }
  if (confidence < UNCLEAR_BEAT) warnings.push(`The beat is hard to hear in this song (confidence ${round(confidence * 100)} %): check the count.`)
  return warnings
}
