import { trackBeatsAndBars, type BeatsAndBars } from './track-beats-and-bars'

/**
 * Tracks the beats again from where the band is clearly in time, at a tightness that holds
 * the phase. The first pass has to be loose to find the band's first beats after a rubato or
 * silent intro (at twice its tightness it misses them on four development songs). Loose,
 * though, it slides half a beat onto the "and" over a few beats wherever the off-beat sounds
 * stronger for a while, and stays there while the song lets it: two development songs spent
 * 50 s on the "and" from a mambo on (its bass on the "and"s of 2 and 4 and no slap on 4 under
 * loud chucks and güira: onsets and bar template both lean off-beat there), the slide taken
 * in the quiet bar after a pausa. A band does not slide by half a beat: the tempo curve
 * follows its tempo and the re-entry jump covers a pausa of free length. So the second pass
 * starts on the first pass's first beat of a clear pulse, at its bar position, and keeps the
 * first pass's beats before it.
 */
const HOLD_TIGHTNESS = 2000
/** Pulse clarity of four beats in a row from which the band is in time (a band scores ~0.7–0.9, rubato below 0.5). */
const CLEAR = 0.6

export function holdBeatPhase(envelope: Float32Array, bands: Float32Array[], periodAt: (frame: number) => number, loose: BeatsAndBars, clarity: readonly number[]): BeatsAndBars {
  const first = clarity.findIndex((_, i) => i + 3 < clarity.length && clarity.slice(i, i + 4).every((c) => c >= CLEAR))
  if (first < 0) return loose
  const held = trackBeatsAndBars(envelope, bands, { period: periodAt, tightness: HOLD_TIGHTNESS, start: { frame: loose.beats[first], position: loose.positions[first] } })
  return { beats: [...loose.beats.slice(0, first), ...held.beats], positions: [...loose.positions.slice(0, first), ...held.positions] }
}
