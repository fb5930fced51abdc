import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { DIFFICULTY_RANK, sameState } from '@/lib/engines/dance/vocabulary'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { BlueprintSchema, movesOf, type Blueprint, type BlueprintMove } from '@/lib/engines/choreography/blueprint-schema'
import { buildSlots } from '@/lib/engines/choreography/build-slots'
import type { LibraryMove } from '@/lib/engines/choreography/library-move'

/**
 * Every hard promise of buildBlueprint, checked from the outside against the analysis and
 * the library. Returns the violations (empty = all good) so a failure names what broke.
 */
export function blueprintViolations(
  bp: Blueprint,
  analysis: SongAnalysis,
  params: ChoreographyParams,
  library: LibraryMove[],
  opts: { tempoShare?: number } = {},
): string[] {
  const out: string[] = []
  const parsed = BlueprintSchema.safeParse(bp)
  if (!parsed.success) out.push(`schema: ${parsed.error.message.slice(0, 300)}`)
  const { slots, holds } = buildSlots(analysis)
  const countOne = analysis.countOne
  const frame = 1 / 30
  const lib = new Map(library.map((m) => [m.id, m]))
  out.push(...countInViolations(bp, analysis, params))
  let within = 0
  const entries = bp.moves
  entries.forEach((m, i) => {
    if (i > 0 && m.songStart !== entries[i - 1].songEnd) out.push(`entry ${i} leaves a gap or overlap`)
    if (i > 0 && !sameState(entries[i - 1].exit, m.entry)) out.push(`entry ${i} illegal transition from entry ${i - 1}`)
    if (m.kind === 'hold') {
      // A hold covers exactly the counts the grid leaves over there, between two moves.
      const g = holds.find((h) => h.start === m.songStart && h.end === m.songEnd)
      if (!g) out.push(`hold ${i} at ${m.songStart.toFixed(3)} is not a leftover of the grid`)
      else if (g.calls.join() !== m.calls.join() || g.beatTimes.join() !== m.beatTimes.join()) out.push(`hold ${i} counts differ from the grid`)
      if (i === 0 || i === entries.length - 1) out.push(`hold ${i} starts or ends the dance`)
    }
  })
  const moves = movesOf(bp)
  moves.forEach((m, i) => {
    const tag = `move ${i} (${m.moveId})`
    const k = countOne.indexOf(m.songStart)
    if (k < 0) {
      const err = Math.min(...countOne.map((c) => Math.abs(c - m.songStart)))
      out.push(`${tag} starts ${(err * 1000).toFixed(1)} ms off a count-one`)
      if (err > frame) out.push(`${tag} is more than one frame off the grid`)
      return
    }
    if (m.firstCountIndex !== 8 * k) out.push(`${tag} firstCountIndex ${m.firstCountIndex} != ${8 * k}`)
    if (m.counts % 8 !== 0) out.push(`${tag} has ${m.counts} counts`)
    const n = m.counts / 8
    // Slots are indexed past the holds: the move's first is the one starting on its count-one.
    const j = slots.findIndex((s) => s.start === m.songStart)
    for (let s = 0; s < n; s++) {
      if (!slots[j + s] || m.beatTimes[8 * s] !== slots[j + s].start) out.push(`${tag} count ${8 * s + 1} is not on 8-count ${j + s}`)
      if (s > 0 && slots[j + s] && !slots[j + s].followsSlot) out.push(`${tag} runs across a hold`)
    }
    const endSlot = slots[j + n - 1]
    if (!endSlot || Math.abs(m.songEnd - endSlot.end) > 1e-9) out.push(`${tag} does not end on a whole 8-count`)
    if (i > 0 && moves[i - 1].moveId === m.moveId) out.push(`${tag} repeats immediately`)
    if (params.excludeFamilies.includes(m.family)) out.push(`${tag} is an excluded ${m.family}`)
    if (params.difficulty && DIFFICULTY_RANK[m.difficulty] > DIFFICULTY_RANK[params.difficulty]) out.push(`${tag} is above ${params.difficulty}`)
    const src = lib.get(m.moveId)
    if (!src) { out.push(`${tag} is not in the library`); return }
    if (src.enabled === false) out.push(`${tag} is disabled`)
    if (!sameState(src.entry, m.entry) || !sameState(src.exit, m.exit)) out.push(`${tag} entry/exit differ from the library`)
    if (m.clipKey !== src.clipKey || m.counts !== src.counts) out.push(`${tag} clip/counts differ from the library`)
    if (m.clipIn !== src.firstCountOffset || m.clipOut > src.durationSeconds + 1e-9) out.push(`${tag} clip in/out outside the clip`)
    const songBpm = (m.counts * 60) / (m.songEnd - m.songStart)
    if (Math.abs(m.playbackRate - songBpm / src.nativeBpm) > 1e-5) out.push(`${tag} playbackRate ${m.playbackRate} != ${songBpm / src.nativeBpm}`)
    if (Math.abs(m.playbackRate - 1) <= 0.12 + 1e-9) within++
  })
  if (moves.length && within / moves.length < (opts.tempoShare ?? 0.95)) {
    out.push(`only ${within}/${moves.length} moves retimed within ±12 %`)
  }
  const covered = bp.end - bp.start
  const phrase = Math.max(...analysis.phrases.map((p) => p.end - p.start))
  const whole = slots[slots.length - 1].end - slots[0].start
  // Without a length, a section span is that section and "the best part" a minute (span tests check those).
  if (params.durationSeconds === null && params.span.kind === 'start') {
    if (Math.abs(bp.end - slots[slots.length - 1].end) > 1e-9) out.push(`whole song asked, covered ${covered.toFixed(1)} of ${whole.toFixed(1)} s`)
  } else if (params.durationSeconds !== null && params.durationSeconds <= whole && Math.abs(covered - params.durationSeconds) > phrase) {
    out.push(`covered ${covered.toFixed(1)} s for ${params.durationSeconds} s asked (phrase ${phrase.toFixed(1)} s)`)
  }
  return out
}

/**
 * Where the dance starts and its count-in. Without a count-in (or a span by section or
 * energy) the span rules decide; with one asked for, the count-in is the song's own beats
 * (analysed beats, within one frame) just before the first move, one beat apart, called up
 * to 5 6 7 8. A span "from the start" starts on the first count-one, or on the second when
 * fewer than four beats come before the first (its counts 5–8 are then the count-in).
 */
export function countInViolations(bp: Blueprint, analysis: SongAnalysis, params: ChoreographyParams): string[] {
  const out: string[] = []
  const { countOne, beats } = analysis
  const frame = 1 / 30
  const fromStart = params.span.kind === 'start'
  const c = bp.countIn
  if (!params.countIn) {
    if (c) out.push('a count-in was not asked for')
    if (fromStart && bp.start !== countOne[0]) out.push(`start ${bp.start} is not the first count-one ${countOne[0]}`)
    return out
  }
  if (!c) return fromStart && bp.start !== countOne[0] ? [`start ${bp.start} is not the first count-one ${countOne[0]}`] : []
  const n = c.calls.length
  if (c.calls.join() !== [5, 6, 7, 8].slice(4 - n).join()) out.push(`count-in calls ${c.calls.join(' ')}`)
  if (c.beatTimes[n] !== bp.start) out.push('count-in does not end on the first move')
  const before = beats.filter((b) => b < bp.start - frame)
  c.beatTimes.slice(0, n).forEach((t, k) => {
    const want = before[before.length - n + k]
    if (want === undefined || Math.abs(t - want) > frame) out.push(`count-in beat ${k + 1} at ${t.toFixed(3)} is not the song's beat ${want?.toFixed(3)}`)
  })
  if (fromStart) {
    const beforeFirst = beats.filter((b) => b < countOne[0] - frame).length
    const want = beforeFirst >= 4 ? countOne[0] : countOne[1]
    if (n === 4 && bp.start !== want) out.push(`start ${bp.start} should be ${want} (${beforeFirst} beats before the first count-one)`)
    if (n < 4 && bp.start !== countOne[0]) out.push(`a short count-in of ${n} starts at ${bp.start}, not the first count-one`)
  }
  return out
}

/** The move that covers the most of each break (undefined where a hold or nothing does). */
export function movesOnBreaks(bp: Blueprint, analysis: SongAnalysis): (BlueprintMove | undefined)[] {
  return (analysis.breaks ?? [])
    .filter((b) => b.start < bp.end && b.end > bp.start)
    .map((b) => {
      const slots = buildSlots(analysis).slots
      let best = slots[0]
      let overlap = -1
      for (const s of slots) {
        const o = Math.min(s.end, b.end) - Math.max(s.start, b.start)
        if (o > overlap) { overlap = o; best = s }
      }
      return movesOf(bp).find((m) => m.songStart <= best.start + 1e-9 && m.songEnd >= best.end - 1e-9)
    })
}
