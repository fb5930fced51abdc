import { BAND } from './analysis-config'
import type { BeatSummary } from './summarize-beats'
import { cosine, mean } from './signal-utils'

/** What marks the first bar of a phrase, measured per bar (see find-count-one, track-phrases). */
export interface BarCues {
  /** Chord change on the bar's downbeat. */
  harmony: number[]
  /** Energy rise over the bar before (dB, rises only): sections and re-entries start on 1. */
  entry: number[]
  /** How different the bar's band balance is from the bar before's. */
  novelty: number[]
  /** The last two beats of the bar before busier than its first two (a run into 1). */
  fill: number[]
}

export function measureBarCues(downbeatIdx: readonly number[], summary: BeatSummary): { cues: BarCues; energy: number[] } {
  const bars = downbeatIdx.length
  const end = (j: number, len: number) => (j + 1 < bars ? downbeatIdx[j + 1] : Math.min(len, downbeatIdx[j] + 4))
  const energy = downbeatIdx.map((a, j) => mean(summary.energyDb.slice(a, end(j, summary.energyDb.length))))
  const profile = downbeatIdx.map((a, j) => {
    const rows = summary.bandDb.slice(a, end(j, summary.bandDb.length))
    return summary.bandDb[0].map((_, band) => mean(rows.map((x) => x[band])))
  })
  // The requinto's register: its runs into count 1 are the fill.
  const melodic = (i: number) => summary.onsetDensity[i]?.[BAND.mid] ?? 0
  const cues: BarCues = { harmony: [], entry: [], novelty: [], fill: [] }
  for (let j = 0; j < bars; j++) {
    const d = downbeatIdx[j]
    cues.harmony.push(summary.harmonicChange[d] ?? 0)
    cues.entry.push(j > 0 ? Math.max(0, energy[j] - energy[j - 1]) : 0)
    cues.novelty.push(j > 0 ? 1 - cosine(center(profile[j]), center(profile[j - 1])) : 0)
    const prev = j > 0 ? downbeatIdx[j - 1] : -1
    cues.fill.push(prev >= 0 ? melodic(prev + 2) + melodic(prev + 3) - melodic(prev) - melodic(prev + 1) : 0)
  }
  return { cues, energy }
}

function center(v: number[]): number[] {
  const m = mean(v)
  return v.map((x) => x - m)
}
