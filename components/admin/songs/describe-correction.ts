import type { AnalysisAdjustment } from '@/lib/engines/audio/adjust-analysis'

const at = (s: number) => `${Math.floor(s / 60)}:${(s % 60).toFixed(2).padStart(5, '0')}`

/** A stored correction in words, for the list of what has been applied. */
export function describeCorrection(c: AnalysisAdjustment): string {
  switch (c.kind) {
    case 'tempo': return c.factor === 2 ? 'Tempo doubled (×2)' : 'Tempo halved (÷2)'
    case 'shift': return `Count one a beat ${c.beats > 0 ? 'later' : 'earlier'} in the whole song`
    case 'count-one-from': return `Count one at ${at(c.time)} from there on`
    case 'break': return `Break from ${at(c.start)} to ${at(c.end)}`
    case 'relabel': return `Section ${c.sectionIndex + 1} is a ${c.label}`
  }
}

export { at as formatSeconds }
