import { BAND } from './analysis-config'
import type { BeatSummary } from './summarize-beats'
import { median } from './signal-utils'

/**
 * Pausas: runs of beats where the band has stopped (near-silence) or dropped to a lone
 * instrument (no bass, no percussion). Judged against the song's own typical beat, so a
 * quiet ballad and a loud mambo are measured by the same yardstick. Runs shorter than
 * three beats are ordinary rests; the first and last bar are intro/outro territory.
 */
export interface BreakSpan {
  /** Index of the first beat of the pausa. */
  startBeat: number
  /** Index of the beat where the band re-enters (exclusive end). */
  endBeat: number
}

export function detectBreaks(summary: BeatSummary, opts: { minBeats?: number; edgeBeats?: number } = {}): BreakSpan[] {
  const n = summary.energyDb.length
  const minBeats = opts.minBeats ?? 3
  const edge = opts.edgeBeats ?? 4
  if (n < 2 * edge + minBeats) return []
  const refDb = median(summary.energyDb)
  const refBass = median(summary.bandDb.map((b) => b[BAND.bass]))
  const perc = summary.onsetDensity.map((d) => d[BAND.highMid] + d[BAND.high] + d[BAND.bass])
  const refPerc = median(perc)
  const dropped = summary.energyDb.map((db, i) => {
    const silent = db < refDb - 12
    const quiet = db < refDb - 8 && perc[i] < 0.6 * refPerc
    // Right after the pausa's hit: still ringing, but nothing new is struck.
    const noAttacks = db < refDb - 3 && perc[i] < 0.1 * refPerc
    const loneInstrument = summary.bandDb[i][BAND.bass] < refBass - 15 && perc[i] < 0.3 * refPerc && db < refDb - 6
    return silent || quiet || noAttacks || loneInstrument
  })
  // One beat that sneaks over a threshold (a lick in the pausa) does not end it.
  for (let i = 1; i + 1 < n; i++) if (!dropped[i] && dropped[i - 1] && dropped[i + 1]) dropped[i] = true
  // A pausa is bracketed by the band: playing before it and coming back after it (which
  // also keeps a fade-out ending from reading as a pausa).
  const playing = (from: number, to: number) => {
    const xs = summary.energyDb.slice(Math.max(0, from), Math.min(n, to))
    return xs.length > 0 && median(xs) > refDb - 6
  }
  const spans: BreakSpan[] = []
  for (let i = edge; i < n - edge; ) {
    if (!dropped[i]) { i++; continue }
    let j = i
    while (j < n - edge && dropped[j]) j++
    if (j - i >= minBeats && playing(i - 4, i) && playing(j, j + 4)) {
      // The pausa opens with the band's hit on the beat before the silence.
      const start = summary.energyDb[i - 1] - summary.energyDb[i] > 6 ? i - 1 : i
      spans.push({ startBeat: start, endBeat: j })
    }
    i = j
  }
  return spans
}
