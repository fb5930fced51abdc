import { MAX_BPM } from './analysis-config'
import { hearsFasterPulse, measureBetweenBeats } from './check-tempo-range'
import { estimateTempoCurve, type TempoCurve } from './estimate-tempo-curve'
import type { TempoEstimate } from './estimate-tempo'
import { trackBeatsAndBars, type BeatsAndBars } from './track-beats-and-bars'

/**
 * A 3:2 reading of the tempo, undone. Moderna's chucks on every "and" and the requinto's
 * 3+3+2 accents make a comb at 2/3 of the tempo score nearly as well as the real one, and the
 * tempo prior cannot tell them apart (a narrower prior pulled real 165–170 BPM songs down to
 * 110–113). The tracked beats then show it: strong hits a third of the way between them,
 * where a bachata beat has nothing (its "and" lands at a half to two thirds). There the
 * tempo is tried at 3/2 and kept if those beats are clean: hits on the "and", none between.
 * On the count decoder's development set this flags the two 3:2 songs (moderna at 162 and
 * 168) and no other of 80; checkTempoRange still warns where the faster reading fails too.
 */
export interface TrackedPulse {
  tempo: TempoEstimate
  curve: TempoCurve
  tracked: BeatsAndBars
}

export function retrackThreeTwo(envelope: Float32Array, bands: Float32Array[], frameRate: number, first: TrackedPulse, tightness: number): TrackedPulse {
  const bpm = first.tempo.bpm * 1.5
  if (bpm > MAX_BPM || hearsFasterPulse(measureBetweenBeats(envelope, first.tracked.beats)) !== 1.5) return first
  const period = first.tempo.period / 1.5
  const curve = estimateTempoCurve(envelope, frameRate, period)
  const tracked = trackBeatsAndBars(envelope, bands, { period: curve.periodAt, tightness })
  if (hearsFasterPulse(measureBetweenBeats(envelope, tracked.beats)) !== null) return first
  return { tempo: { ...first.tempo, bpm, period }, curve, tracked }
}
