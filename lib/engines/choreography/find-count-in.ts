import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { CountIn } from './blueprint-schema'
import type { Slot } from './build-slots'

export const COUNT_IN_CALLS = [5, 6, 7, 8] as const

/** A beat this far off the slot's own period is no steady pulse to count in on. */
const STEADY = 0.35

/**
 * The count-in before a slot: the analysed beats just before its count one, called 5 6 7 8
 * (the song's own beats, not a tempo guess): the last four when they are a steady pulse, else
 * as many steady ones as there are, the last calls ("7 8"). Null when there are fewer than
 * `min`. selectSpan asks for four first and starts the span one 8-count later when the first
 * count one has none (it is often on the song's first beat, or after a rubato intro).
 */
export function findCountIn(analysis: SongAnalysis, slot: Slot, min: number = COUNT_IN_CALLS.length): CountIn | null {
  const period = (slot.end - slot.start) / 8
  const times = [slot.start]
  for (let i = analysis.beats.length - 1; i >= 0 && times.length <= COUNT_IN_CALLS.length; i--) {
    const b = analysis.beats[i]
    if (b >= slot.start - period / 2) continue
    if (Math.abs(times[0] - b - period) > STEADY * period) break
    times.unshift(b)
  }
  const n = times.length - 1
  if (n < Math.max(1, min)) return null
  return { beatTimes: times, calls: COUNT_IN_CALLS.slice(COUNT_IN_CALLS.length - n) }
}
