import type { DanceState } from '@/lib/engines/dance/vocabulary'
import type { EngineMove } from './engine-types'
import type { MoveScoreParts } from './score-move'
import type { Slot } from './build-slots'
import { explainSearchHit } from '@/lib/engines/search/explain-search-hit'

const FLAG_TEXT: Record<string, (m: EngineMove, slot: Slot) => string> = {
  intro: () => 'opens the song',
  outro: () => 'closes the song',
  break: () => 'marks the break with a pose',
  repeat: (_m, s) => `repeats the earlier ${s.section} move`,
  variation: (m, s) => `varies the earlier ${s.section} with another ${m.family}`,
  named: () => 'asked for by name',
  included: (m) => `${m.family} was asked for`,
  more: (m) => `more ${m.family}, as asked`,
  peak: (_m, s) => `top energy for the ${s.section}`,
}

/** "closed to two-hand-open", or what changes within one hold (the lead's weight, facing). */
function describeChange(from: DanceState, to: DanceState): string {
  if (from.hold !== to.hold) return `from ${from.hold} to ${to.hold}`
  if (from.leadWeight !== to.leadWeight) return `onto the lead's ${to.leadWeight} foot in ${to.hold}`
  return `to ${to.facing} in ${to.hold}`
}

/** One readable line on why a move sits where it does, for the UI's move timeline. */
export function explainMove(m: EngineMove, slot: Slot, parts: MoveScoreParts, connector: boolean, query = ''): string {
  const bits: string[] = []
  // Only when the request singled it out (above the median candidate): then say how.
  if (!connector && m.retrieval && m.queryFit > 0 && query) {
    const { semantic, attributes, lexical } = m.retrieval
    const why = explainSearchHit({ query, move: m.move, parts: { semantic, attributes, lexical, boost: 0 } })
    if (why !== 'a distant match') bits.push(`for the request: ${why}`)
  }
  if (connector) bits.push(`connector: a ${m.family === 'basic' ? 'basic' : `simple ${m.family}`} to get ${describeChange(m.move.entry, m.move.exit)}`)
  for (const f of parts.flags) {
    const text = FLAG_TEXT[f]?.(m, slot)
    if (text && !bits.includes(text)) bits.push(text)
  }
  if (!connector) bits.push(`${m.move.energy} energy in the ${slot.section}`)
  const pct = Math.round((parts.rate - 1) * 100)
  const songBpm = Math.round(m.move.nativeBpm * parts.rate)
  bits.push(`clip ${m.move.nativeBpm} BPM played at ${songBpm} BPM (${pct >= 0 ? '+' : ''}${pct}%)`)
  const text = bits.join('; ')
  return (text.charAt(0).toUpperCase() + text.slice(1)).slice(0, 500)
}
