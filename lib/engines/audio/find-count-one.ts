import { BAND } from './analysis-config'
import type { BeatSummary } from './summarize-beats'
import { cosine, mean } from './signal-utils'

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
  const barMean = (arr: number[], j: number) => {
    const a = downbeatIdx[j]
    const b = j + 1 < bars ? downbeatIdx[j + 1] : Math.min(arr.length, a + 4)
    return mean(arr.slice(a, b))
  }
  const energy = downbeatIdx.map((_, j) => barMean(summary.energyDb, j))
  const profile = downbeatIdx.map((_, j) => {
    const a = downbeatIdx[j]
    const b = j + 1 < bars ? downbeatIdx[j + 1] : Math.min(summary.bandDb.length, a + 4)
    const v: number[] = []
    for (let band = 0; band < summary.bandDb[0].length; band++) v.push(mean(summary.bandDb.slice(a, b).map((x) => x[band])))
    return v
  })
  // The requinto's register: its runs into count 1 are the fill.
  const melodic = (i: number) => summary.onsetDensity[i]?.[BAND.mid] ?? 0
  const cues: Record<string, number[]> = { harmony: [], entry: [], novelty: [], fill: [] }
  for (let j = 0; j < bars; j++) {
    const d = downbeatIdx[j]
    cues.harmony.push(summary.harmonicChange[d] ?? 0)
    cues.entry.push(j > 0 ? Math.max(0, energy[j] - energy[j - 1]) : 0)
    cues.novelty.push(j > 0 ? 1 - cosine(center(profile[j]), center(profile[j - 1])) : 0)
    // Fill: the last two beats of the previous bar busier than its first two.
    const prev = j > 0 ? downbeatIdx[j - 1] : -1
    cues.fill.push(prev >= 0 ? melodic(prev + 2) + melodic(prev + 3) - melodic(prev) - melodic(prev + 1) : 0)
  }
  const separation: Record<string, number> = {}
  let total = 0
  for (const [name, values] of Object.entries(cues)) {
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

function center(v: number[]): number[] {
  const m = mean(v)
  return v.map((x) => x - m)
}
