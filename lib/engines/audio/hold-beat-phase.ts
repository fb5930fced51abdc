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
const HOLD_TIGHTNESS = 3000
/**
 * The bar template's weight in the held pass (the loose pass keeps 1). Where a band comes back
 * from a pausa the path may re-enter on any beat, so from there on only the music keeps it off
 * the "and": in a slow bachatazo its onsets say "and" (güira short strokes and chucks louder
 * than the beat, the bass tied over the 1), and over a whole song the "and" collects more onset
 * strength than the beat (development song bachatazo-104-dx54: 713 against 515, the template
 * 202 against 86). Trusting the bachata bar over loudness, and a tighter hold, keep the beat
 * there and where the band's first attack is a pickup before the 1; a tight hold also stops
 * bending the tempo to fill a pause that is not a whole number of beats (the count decoder
 * then sees the gap and the restart after it). Chosen on the development and tuning sets
 * (bench:count-one-dev, bench:count-one; 2000/1 before): dev irregular count-one F 0.965 →
 * 0.979 at 3000/2, "sure" sections wrong 17 → 8 of ~915, regular and tuning unchanged; its
 * neighbours (2500–3000 × 1.5–2) give 0.975–0.979, and 4000 starts to lose songs. With the
 * decoder's later changes, 2 → 2.5 takes one more slow bachatazo off the "and"
 * (bachatazo-102-dx67 0.537 → 1) for one fast romántica's beats (romantica-rubato-162-dx33
 * 1 → 0.962): 0.981 → 0.986; at 3 a second song is lost (0.984).
 */
const HOLD_TEMPLATE_WEIGHT = 2.5
/** Pulse clarity of four beats in a row from which the band is in time (a band scores ~0.7–0.9, rubato below 0.5). */
const CLEAR = 0.6

export function holdBeatPhase(envelope: Float32Array, bands: Float32Array[], periodAt: (frame: number) => number, loose: BeatsAndBars, clarity: readonly number[]): BeatsAndBars {
  const first = clarity.findIndex((_, i) => i + 3 < clarity.length && clarity.slice(i, i + 4).every((c) => c >= CLEAR))
  if (first < 0) return loose
  const held = trackBeatsAndBars(envelope, bands, { period: periodAt, tightness: HOLD_TIGHTNESS, templateWeight: HOLD_TEMPLATE_WEIGHT, start: { frame: loose.beats[first], position: loose.positions[first] } })
  return { beats: [...loose.beats.slice(0, first), ...held.beats], positions: [...loose.positions.slice(0, first), ...held.positions] }
}
