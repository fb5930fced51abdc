import { maxNear, median } from './signal-utils'

/**
 * Drops the beats a tracker invents where there is no pulse: over a rubato or silent intro,
 * and over the ring-out after the final hit. The middle is never trimmed — a pausa keeps
 * its beats, the band counts through it. Returns the index range [first, last] to keep
 * (empty when nothing is metered at all).
 */
const MIN_TYPICAL_ONSET = 0.15
/**
 * Beats the start may walk back over to the band's entry (a bar): clarity is measured over a
 * window that still hears the rubato before the entry, so the groove's first beats read
 * unclear although they are struck on time.
 */
const ENTRY_WALK_BACK = 4
/** An entry hit's attack, in units of the song's typical beat attack (the demo bands' ~3.5). */
const ENTRY_HIT = 2
/**
 * Beats at the end whose attack is under this (in units of the typical) are the ring-out after
 * the music stopped. Dev set (bench:count-one-dev): the ring-out's beats measure 0.08–0.13, the
 * struck beats of a fade-out's last, quietest bar 0.15–0.42; at 0.1 the tracker's beats ran on
 * into the ring-out, with a count one there.
 */
const RING_OUT_ATTACK = 0.15

export interface TrimOptions {
  /** Pulse clarity per beat (see measurePulseClarity). */
  clarity: number[]
  /** Minimum clarity of a metered beat. */
  threshold?: number
}

export function trimUnmeteredEdges(beats: number[], envelope: Float32Array, opts: TrimOptions): { first: number; last: number } {
  const n = beats.length
  if (n === 0) return { first: 0, last: -1 }
  const thr = opts.threshold ?? 0.35
  const c = opts.clarity
  const onset = beats.map((b) => maxNear(envelope, b, 3))
  const typical = median(onset)
  // Attacks this faint (in units of the bands' own scale, floored) are rounding noise — a
  // steady tone or near-silence — however periodic they look: nothing to dance to.
  if (typical < MIN_TYPICAL_ONSET) return { first: 0, last: -1 }
  const steady = (i: number) => c[i] >= thr && (c[i + 1] ?? 0) >= thr && (c[i + 2] ?? 0) >= thr
  let first = 0
  while (first < n && !(steady(first) && onset[first] >= 0.2 * typical)) first++
  if (first >= n) return { first: 0, last: -1 }
  first = bandEntryBefore(first, beats, onset, typical)
  let last = n - 1
  while (last > first && (onset[last] < RING_OUT_ATTACK * typical || c[last] < thr / 3)) last--
  return { first, last }
}

/**
 * The band's entry hit at most a bar before the first clear beat: the strongest kind of attack
 * (ENTRY_HIT times the typical), reached over struck beats at the groove's spacing. Without
 * one the start stays where it is: struck beats at that spacing alone can be a rubato
 * intro's notes falling in time by chance.
 */
function bandEntryBefore(first: number, beats: readonly number[], onset: readonly number[], typical: number): number {
  const period = median(beats.slice(first + 1, first + 5).map((b, k) => b - beats[first + k]))
  for (let i = first - 1; i >= Math.max(0, first - ENTRY_WALK_BACK); i--) {
    if (Math.abs(beats[i + 1] - beats[i] - period) > 0.12 * period || onset[i] < 0.25 * typical) break
    if (onset[i] >= ENTRY_HIT * typical) return i
  }
  return first
}

/**
 * Level (dB under the song's median beat) below which the beats at a song's end are its
 * ring-out, not a phrase. Dev and wide dev sets (bench:count-one-dev and new seeds of every
 * recipe and edit plan): where a fade-out's ring-out kept beats (their attacks, 0.02-0.33 of the
 * typical, overlap the faded last bar's, 0.09-0.29, so RING_OUT_ATTACK cannot tell), the count
 * started a phrase there at 35-43 dB down, while the last bar played sits 24-33 dB down and is
 * counts 5-8. The decoder already hears no band 12 dB down.
 */
const RING_OUT_DB = 24

/**
 * Where the count starts a phrase in the ring-out after the music ended: the song's last count
 * one (a beat index), when less than a bar of beats follows it and all of them are RING_OUT_DB
 * under the song's median level; else null. A final hit is a count one too, but loud.
 */
export function ringOutPhraseStart(countOnes: readonly number[], energyDb: readonly number[]): number | null {
  const n = energyDb.length
  const one = countOnes[countOnes.length - 1]
  if (one === undefined || n - one >= 4) return null
  const floor = median(energyDb) - RING_OUT_DB
  return energyDb.slice(one).every((db) => db < floor) ? one : null
}
