import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { DanceState } from '@/lib/engines/dance/vocabulary'
import type { BlueprintHold } from './blueprint-schema'
import type { HoldSpan } from './build-slots'

const WHAT: Record<string, string> = {
  tag: 'the band plays a tag',
  'short-bar': 'a short bar',
  break: 'the band breaks',
  restart: 'the band restarts the phrase',
}

/** What the analysis says happens there (an irregularity inside the hold or within a beat of it). */
function irregularityAt(analysis: SongAnalysis, h: HoldSpan): string | null {
  const beat = h.beatTimes.length > 1 ? (h.beatTimes[h.beatTimes.length - 1] - h.beatTimes[0]) / (h.beatTimes.length - 1) : 0.5
  const hit = analysis.irregularities.find((i) => i.time >= h.start - beat && i.time <= h.end + beat / 2)
  return hit ? WHAT[hit.kind] ?? null : null
}

/**
 * One blueprint hold: the dancers keep the state the last move left them in (so the next
 * move's entry still matches), hold the pose or style on the spot, and call the counts the
 * music has until the new count one.
 */
export function placeHold(h: HoldSpan, state: DanceState, index: number, analysis: SongAnalysis): BlueprintHold {
  const counts = h.beatTimes.length - 1
  const pause = h.end - h.beatTimes[counts] > 1e-6
  const name = counts === 0 ? 'Pause' : `Hold · ${counts} count${counts === 1 ? '' : 's'}`
  const what = irregularityAt(analysis, h)
  const calls = counts ? `counts ${h.calls[0]}${counts > 1 ? `–${h.calls[counts - 1]}` : ''}` : ''
  const reason = [
    what ? `${what}: ` : '',
    counts ? `${counts} count${counts === 1 ? '' : 's'} (${calls}) that make no whole 8-count` : 'a pause without a beat',
    pause && counts ? ', then a pause' : '',
    '; hold the pose or style on the spot, the next move starts on the new count one',
  ].join('')
  return {
    kind: 'hold',
    index,
    name,
    songStart: h.start,
    songEnd: h.end,
    counts,
    calls: h.calls,
    beatTimes: h.beatTimes,
    section: h.section,
    entry: state,
    exit: state,
    why: { scoreParts: {}, reason: reason.charAt(0).toUpperCase() + reason.slice(1) },
  }
}
