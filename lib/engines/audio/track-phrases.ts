import type { Irregularity } from './analysis-schema'
import type { BreakSpan } from './detect-breaks'
import type { BeatSummary } from './summarize-beats'
import { measureBarCues } from './measure-bar-cues'
import { mean } from './signal-utils'

/**
 * Which bars start an 8-count, decided along the song rather than once for all of it. Each
 * bar is either the first (counts 1–4) or the second (5–8) of a phrase; a hidden-Markov
 * decode over the bars alternates them, and may break the alternation — a 4-count tag, a
 * phrase re-started after a stop — only at a cost. The cost is high in the middle of the
 * music and low where arrangements really do restart: after a pausa, after a bar that was
 * not 4 beats long, after a gap in the beat grid.
 *
 * The evidence per bar is the same structure the dancers hear: the chord changes at the
 * start of a phrase, sections and re-entries start on 1, fills run into 1, and a bar that
 * repeats the one before it (a tag) is not a new phrase.
 */
export interface PhraseTrack {
  /** Per bar: true where the bar starts an 8-count. */
  isOne: boolean[]
  /** Per bar: posterior probability of the decoded state (0.5 = a coin toss, 1 = sure). */
  sureness: number[]
  /** Bars where the alternation was broken: the bar re-starts (or re-continues) the phrase. */
  restarts: number[]
}

export interface TrackPhrasesOptions {
  /** Cost of breaking the alternation in the middle of the music, in evidence units. */
  restartCost?: number
  /** Cost where arrangements restart (after a pausa, an odd bar, a gap). */
  restartCostAtEvidence?: number
  /** Scale from bar evidence to log-likelihood. */
  evidenceScale?: number
}

const WEIGHTS = { harmony: 0.7, entry: 1, novelty: 0.5, fill: 0.5 } as const
const SECTION_WEIGHT = 1.5
/**
 * Measured on the demo set and its irregular edits (scripts/demo/songs/irregular-song-specs.ts,
 * bench:count-one): with evidence at 0.2 the regular songs decode exactly as the song-wide
 * parity did (count-one F 0.997), and a restart is affordable only where the music gives a
 * reason (a pausa, an odd bar, a section start) — in the middle of a phrase it never pays.
 */
const RESTART_COST = 100
const RESTART_COST_AT_EVIDENCE = 3
const EVIDENCE_SCALE = 0.2

export function trackPhrases(
  downbeatIdx: readonly number[], beatTimes: readonly number[], summary: BeatSummary, breaks: readonly BreakSpan[], opts: TrackPhrasesOptions = {},
): PhraseTrack {
  const bars = downbeatIdx.length
  if (bars === 0) return { isOne: [], sureness: [], restarts: [] }
  const { evidence, sectionStarts } = barEvidence(downbeatIdx, summary)
  const atEvidence = restartPoints(downbeatIdx, beatTimes, breaks).map((r, j) => r || sectionStarts[j])
  const hard = opts.restartCost ?? RESTART_COST
  const soft = opts.restartCostAtEvidence ?? RESTART_COST_AT_EVIDENCE
  const k = opts.evidenceScale ?? EVIDENCE_SCALE

  // Log-emission: state 0 = first bar of a phrase (evidence for), 1 = second (against).
  const emit = (j: number, s: number) => (s === 0 ? 1 : -1) * k * evidence[j] / 2
  const trans = (j: number, from: number, to: number) => (from === to ? -(atEvidence[j] ? soft : hard) : 0)

  // Viterbi.
  const score = [[emit(0, 0), emit(0, 1)]]
  const back: number[][] = [[0, 0]]
  for (let j = 1; j < bars; j++) {
    const row: number[] = []
    const arg: number[] = []
    for (let s = 0; s < 2; s++) {
      const a = score[j - 1][0] + trans(j, 0, s), b = score[j - 1][1] + trans(j, 1, s)
      row.push((a >= b ? a : b) + emit(j, s))
      arg.push(a >= b ? 0 : 1)
    }
    score.push(row)
    back.push(arg)
  }
  const path = new Array<number>(bars)
  path[bars - 1] = score[bars - 1][0] >= score[bars - 1][1] ? 0 : 1
  for (let j = bars - 1; j > 0; j--) path[j - 1] = back[j][path[j]]

  // Forward-backward (log domain) for how sure each bar's state is.
  const lse = (a: number, b: number) => Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)))
  const fwd = [[emit(0, 0) + Math.log(0.5), emit(0, 1) + Math.log(0.5)]]
  for (let j = 1; j < bars; j++) {
    fwd.push([0, 1].map((s) => lse(fwd[j - 1][0] + logT(j, 0, s), fwd[j - 1][1] + logT(j, 1, s)) + emit(j, s)))
  }
  const bwd: number[][] = new Array(bars)
  bwd[bars - 1] = [0, 0]
  for (let j = bars - 2; j >= 0; j--) {
    bwd[j] = [0, 1].map((s) => lse(logT(j + 1, s, 0) + emit(j + 1, 0) + bwd[j + 1][0], logT(j + 1, s, 1) + emit(j + 1, 1) + bwd[j + 1][1]))
  }
  const sureness = path.map((s, j) => {
    const a = fwd[j][0] + bwd[j][0], b = fwd[j][1] + bwd[j][1]
    const p0 = 1 / (1 + Math.exp(b - a))
    return s === 0 ? p0 : 1 - p0
  })
  const restarts = path.flatMap((s, j) => (j > 0 && s === path[j - 1] ? [j] : []))
  return { isOne: path.map((s) => s === 0), sureness, restarts }

  /** Transition log-probabilities for the posterior: the costs as probabilities. */
  function logT(j: number, from: number, to: number): number {
    const c = atEvidence[j] ? soft : hard
    const pStay = Math.exp(-c) / (1 + Math.exp(-c))
    return Math.log(from === to ? pStay : 1 - pStay)
  }
}

/**
 * Per bar, how much it sounds like the start of a phrase, in units of each cue's spread:
 * positive for a first bar, negative for a second. A bar in a pausa says nothing.
 */
export function barEvidence(downbeatIdx: readonly number[], summary: BeatSummary): { evidence: number[]; sectionStarts: boolean[] } {
  const bars = downbeatIdx.length
  const { cues, energy } = measureBarCues(downbeatIdx, summary)
  const z = Object.fromEntries((Object.entries(cues) as [string, number[]][]).map(([name, v]) => {
    const m = mean(v)
    const sd = Math.sqrt(mean(v.map((x) => (x - m) ** 2))) || 1
    return [name, v.map((x) => (x - m) / sd)]
  })) as Record<keyof typeof WEIGHTS, number[]>
  // Section starts are rare but the strongest events: the biggest bar-to-bar changes carry
  // extra weight of their own, so a few clear ones outweigh many small cues.
  const sd = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2))) || 1
  const change = cues.entry.map((e, j) => e / sd(cues.entry) + cues.novelty[j] / sd(cues.novelty))
  const top = change.map((v, j) => ({ v, j })).filter(({ j }) => j > 0).sort((a, b) => b.v - a.v).slice(0, Math.max(3, Math.round(bars / 8)))
  const topSum = top.reduce((a, { v }) => a + Math.abs(v), 0) || 1
  const sectionVote = new Array<number>(bars).fill(0)
  for (const { v, j } of top) sectionVote[j] = (SECTION_WEIGHT * (bars / 2) * v) / topSum
  const refDb = [...energy].sort((a, b) => a - b)[Math.floor(bars / 2)]
  const evidence = downbeatIdx.map((_, j) => {
    if (energy[j] < refDb - 12) return 0 // the band is out: no evidence either way
    let s = sectionVote[j]
    for (const name of Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]) s += WEIGHTS[name] * z[name][j]
    return s
  })
  return { evidence, sectionStarts: sectionVote.map((v) => v !== 0) }
}

/** Bars where a phrase may plausibly restart: after a pausa, after a bar of other than 4 beats, after a gap. */
function restartPoints(downbeatIdx: readonly number[], beatTimes: readonly number[], breaks: readonly BreakSpan[]): boolean[] {
  const gaps = beatTimes.slice(1).map((t, i) => t - beatTimes[i]).sort((a, b) => a - b)
  const beat = gaps[Math.floor(gaps.length / 2)] ?? 0.5
  return downbeatIdx.map((d, j) => {
    if (j === 0) return true
    const prev = downbeatIdx[j - 1]
    if (d - prev !== 4) return true
    if (beatTimes[d] - beatTimes[prev] > 4 * beat * 1.3) return true
    return breaks.some((b) => d >= b.endBeat - 2 && d <= b.endBeat + 2)
  })
}


/** Mean posterior of the bars that start inside [start, end): the section's count-one sureness. */
export function sectionSureness(track: PhraseTrack, downbeatTimes: readonly number[], start: number, end: number): number {
  const inside = track.sureness.filter((_, j) => downbeatTimes[j] >= start && downbeatTimes[j] < end)
  return inside.length ? mean(inside) : 0
}

/** What the decoded grid does that a regular lattice does not, for the UI and the blueprint. */
export function describeIrregularities(track: PhraseTrack, downbeatIdx: readonly number[], beatTimes: readonly number[], breaks: readonly BreakSpan[]): Irregularity[] {
  const out: Irregularity[] = []
  const gaps = beatTimes.slice(1).map((t, i) => t - beatTimes[i]).sort((a, b) => a - b)
  const beat = gaps[Math.floor(gaps.length / 2)] ?? 0.5
  const restarts = new Set(track.restarts)
  for (let j = 1; j < downbeatIdx.length; j++) {
    const d = downbeatIdx[j], prev = downbeatIdx[j - 1]
    const time = beatTimes[d]
    const seconds = beatTimes[d] - beatTimes[prev]
    const afterBreak = breaks.some((b) => d >= b.endBeat - 2 && d <= b.endBeat + 2)
    if (seconds > 4 * beat * 1.3) {
      out.push({ time, kind: afterBreak ? 'break' : 'restart', counts: Math.round(seconds / beat) - 4 })
    } else if (d - prev !== 4) {
      out.push({ time, kind: 'short-bar', counts: d - prev - 4 })
    } else if (restarts.has(j)) {
      // The same half of the phrase twice: a second half again is a tag (+4), a first half
      // again means the phrase before had only 4 counts (−4).
      const kind = afterBreak ? 'break' : track.isOne[j] ? 'restart' : 'tag'
      out.push({ time, kind, counts: track.isOne[j] ? -4 : 4 })
    }
  }
  return out
}
