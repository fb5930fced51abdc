import type { BeatSummary } from './summarize-beats'
import { measureBarCues } from './measure-bar-cues'
import { mean } from './signal-utils'

/**
 * Which downbeats are count 1 (and which are count 5) of the dancers' 8-count. Bars come in
 * pairs, and what marks the first bar of a pair is structure, not a drum stroke: chords
 * change at the start of the pair, sections and re-entries after a pausa start on 1, and
 * fills run into 1 at the end of the pair. Each cue compares the bars of one parity with the
 * other, in units of its own spread; the winner's margin becomes the confidence.
 */
export interface CountOneResult {
  /** 0 or 1: parity (bar index mod 2) of the bars that start an 8-count. */
  parity: number
  /** 0–1. */
  confidence: number
  cues: Record<string, number>
}

const WEIGHTS: Record<string, number> = { harmony: 0.7, entry: 1, novelty: 0.5, fill: 0.5, sections: 1.5 }

export function findCountOne(downbeatIdx: number[], summary: BeatSummary): CountOneResult {
  const bars = downbeatIdx.length
  if (bars < 4) return { parity: 0, confidence: 0, cues: {} }
  const { cues } = measureBarCues(downbeatIdx, summary)
  const separation: Record<string, number> = {}
  let total = 0
  for (const [name, values] of Object.entries(cues) as [string, number[]][]) {
    const even = values.filter((_, j) => j % 2 === 0 && j > 0)
    const odd = values.filter((_, j) => j % 2 === 1)
    const sd = Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2))) || 1
    const s = (mean(even) - mean(odd)) / sd
    separation[name] = s
    total += WEIGHTS[name] * s
  }
  // Section changes are rare but the strongest events: let the biggest bar-to-bar changes
  // vote on their own, so a handful of clear section starts is not averaged away.
  const change = cues.entry.map((e, j) => e / (sdOf(cues.entry) || 1) + cues.novelty[j] / (sdOf(cues.novelty) || 1))
  const top = change.map((v, j) => ({ v, j })).filter(({ j }) => j > 0).sort((a, b) => b.v - a.v).slice(0, Math.max(3, Math.round(bars / 8)))
  const votes = top.reduce((acc, { v, j }) => acc + (j % 2 === 0 ? v : -v), 0) / Math.max(1e-9, top.reduce((a, { v }) => a + Math.abs(v), 0))
  separation.sections = votes
  total += WEIGHTS.sections * votes
  return { parity: total >= 0 ? 0 : 1, confidence: Math.min(1, Math.abs(total) / 2), cues: separation }
}

function sdOf(v: number[]): number {
  const m = mean(v)
  return Math.sqrt(mean(v.map((x) => (x - m) ** 2)))
}

