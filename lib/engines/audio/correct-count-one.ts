import { AppError } from '@/lib/shared/errors'
import type { Irregularity, SongAnalysis } from './analysis-schema'
import { nearestIndex, rebuildPhrases } from './rebuild-phrases'

/**
 * The two corrections that move count one from a point on, leaving everything before it as
 * it was: "count one is at T from here on" and "this span is a pausa" (the band re-enters on
 * a new count one). From the chosen beat, count one falls every 8 beats up to the next
 * irregularity already in the analysis (a restart, tag or short bar the tracker found, or an
 * earlier correction further on), where the existing grid takes over again: correcting the
 * song left to right never undoes a later fix. The phrase the restart interrupts keeps its
 * count-one and is recorded as an irregularity with the counts it gained or lost.
 */
const clampCounts = (n: number) => Math.max(-64, Math.min(64, n))

function checkInSong(a: SongAnalysis, t: number, field: string) {
  if (t > a.durationSeconds + 1e-3) {
    throw AppError.validation(`${t} s is after the end of the song (${a.durationSeconds} s)`, { [field]: ['after the end of the song'] })
  }
}

function rephaseFrom(a: SongAnalysis, b: number, kind: Irregularity['kind']): SongAnalysis {
  const { beats } = a
  const cut = beats[b]
  const tolerance = 30 / a.bpm
  const indexOf = (t: number) => nearestIndex(beats, t)
  const oldOnes = a.countOne.map(indexOf)
  // A band stop the count runs through (counts 0) changes no phase: the new one carries on past it.
  const next = a.irregularities.find((r) => r.time > cut + tolerance && r.counts !== 0)
  const until = next ? indexOf(next.time) : beats.length
  const before = oldOnes.filter((i) => i < b)
  const after = oldOnes.filter((i) => i >= until)
  // To the end, the new phase reaches no further than the old grid did (a count one on the
  // last few beats is a final hit only where the tracker heard one), but always starts at b.
  const limit = until < beats.length ? until : Math.min(beats.length, Math.max(oldOnes[oldOnes.length - 1] + 8, b + 1))
  const fresh: number[] = []
  for (let i = b; i < limit; i += 8) fresh.push(i)
  const oldDown = a.downbeats.map(indexOf)
  const freshDown: number[] = []
  for (let i = b; i < until; i += 4) freshDown.push(i)

  const irregularities = a.irregularities.filter((r) => r.time < cut - tolerance || r.time > cut + tolerance).map((r) => ({ ...r }))
  const lastKept = before[before.length - 1]
  if (lastKept !== undefined && b - lastKept !== 8) {
    irregularities.push({ time: cut, kind, counts: clampCounts(b - lastKept - 8) })
  }
  // Where the old grid resumes, the phrase that reaches it now has another length.
  const resumed = irregularities.find((r) => next && r.time === next.time)
  if (resumed && after[0] === until && fresh.length > 0) {
    const counts = clampCounts(until - fresh[fresh.length - 1] - 8)
    if (counts === 0) irregularities.splice(irregularities.indexOf(resumed), 1)
    else resumed.counts = counts
  }
  irregularities.sort((x, y) => x.time - y.time)

  const rebuilt = rebuildPhrases(a, {
    beats,
    bpm: a.bpm,
    countOne: [...before, ...fresh, ...after].map((i) => beats[i]),
    downbeats: [...oldDown.filter((i) => i < b), ...freshDown, ...oldDown.filter((i) => i >= until)].map((i) => beats[i]),
  }, cut)
  // The instructor has said where count one is: those sections are no longer "check here".
  const end = until < beats.length ? beats[until] : Infinity
  const sections = rebuilt.sections.map((s) => (s.start >= cut - 1e-6 && s.end <= end + 1e-6 ? { ...s, countOneConfidence: 1 } : s))
  return { ...rebuilt, sections, irregularities }
}

/** Count one is at the beat nearest `time`, and every 8 beats after it. */
export function countOneFrom(a: SongAnalysis, time: number): SongAnalysis {
  checkInSong(a, time, 'time')
  const b = nearestIndex(a.beats, time)
  if (Math.abs(a.beats[b] - time) > 60 / a.bpm) {
    throw AppError.validation(
      `There is no beat near ${time} s (the beats run from ${a.beats[0]} s to ${a.beats[a.beats.length - 1]} s)`,
      { time: ['no beat near this time'] },
    )
  }
  return rephaseFrom(a, b, 'restart')
}

/** A pausa from start to end: added to the breaks (sorted, overlaps merged); the first beat
 * after it starts a new 8-count. */
export function markBreak(a: SongAnalysis, start: number, end: number): SongAnalysis {
  checkInSong(a, end, 'end')
  const spans = [...a.breaks, { start, end }].sort((x, y) => x.start - y.start)
  const breaks: SongAnalysis['breaks'] = []
  for (const s of spans) {
    const last = breaks[breaks.length - 1]
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else breaks.push({ ...s })
  }
  const marked = { ...a, breaks }
  // "After it": the beat on the pausa's end, or the first one past it.
  const b = a.beats.findIndex((t) => t >= end - 15 / a.bpm)
  return b < 0 ? marked : rephaseFrom(marked, b, 'break')
}
