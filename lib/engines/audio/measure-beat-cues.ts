import { BAND } from './analysis-config'
import type { BeatSummary } from './summarize-beats'
import { findEchoes, type Echo } from './find-echoes'
import { cosine, mean } from './signal-utils'

/**
 * Per beat, what the music says about a bar (or a phrase, or a section) starting there. Every
 * cue is measured at every beat, so the count decoder (decode-count-grid) can weigh a bar
 * start anywhere, not only where a strictly 4-cyclic tracker put one.
 */
export interface BeatCues {
  /** Chord change at the beat: the bar's 4 beats against the 4 before (chroma). */
  harmony: number[]
  /** Energy rise of the bar starting here over the bar before (dB, rises only). */
  entry: number[]
  /**
   * The last two beats before busier than the two before them where the requinto's run
   * shows: its bright attacks (1.5–5 kHz), above the voice and the segunda that fill the
   * mid band whatever the phrase does. A run into 1.
   */
  fill: number[]
  /** Section change: the 8 beats after against the 8 before (band balance, chroma). */
  section: number[]
  /** How close the bar's chroma is to the song's tonic triad (phrases tend to start on the tonic). */
  tonic: number[]
  /**
   * How much the bar starting here replays the bar before it, beat for beat (band balance,
   * attacks per band, chroma; cosine of the song-centred beat vectors): a tag plays counts
   * 5–8 once more, so its bar sounds like the one before it, fill and all.
   */
  replay: number[]
  /** Total energy per beat, dB (the band is out where it is far below the song's median). */
  energyDb: number[]
  /** Per beat, where the song plays its next 8 beats again (findEchoes). */
  echoes?: Echo[][]
}

/** @param key the song's key as estimateKey names it, for the tonic cue (none when null). */
export function measureBeatCues(summary: BeatSummary, key: string | null = null): BeatCues {
  const n = summary.energyDb.length
  const bands = summary.bandDb[0]?.length ?? 0
  // Per beat: the band balance (dB) and the chroma, side by side (chroma scaled to a similar spread).
  const profile = summary.bandDb.map((b, i) => [...b, ...Array.from(summary.chroma[i], (c) => 60 * c)])
  const span = (a: number, b: number) => {
    const rows = profile.slice(Math.max(0, a), Math.min(n, b))
    if (!rows.length) return new Array<number>(bands + 12).fill(0)
    return rows[0].map((_, k) => mean(rows.map((r) => r[k])))
  }
  const chroma = (a: number, b: number) => {
    const c = new Float32Array(12)
    for (let i = Math.max(0, a); i < Math.min(n, b); i++) for (let k = 0; k < 12; k++) c[k] += summary.chroma[i][k]
    return c
  }
  const energy = (a: number, b: number) => mean(summary.energyDb.slice(Math.max(0, a), Math.min(n, b)))
  const bright = (i: number) => summary.onsetDensity[i]?.[BAND.highMid] ?? 0
  const beatVectors = centreColumns(summary.bandDb.map((b, i) => [...b.map((db) => db / 10), ...summary.onsetDensity[i], ...Array.from(summary.chroma[i], (c) => 3 * c)]))
  const barVectors = beatVectors.map((_, i) => beatVectors.slice(i, i + 4).flat())
  const cues: BeatCues = { harmony: [], entry: [], fill: [], section: [], tonic: [], replay: [], energyDb: summary.energyDb, echoes: findEchoes(beatVectors) }
  const triad = tonicTriad(key)
  for (let i = 0; i < n; i++) {
    const edge = i < 4 || i + 4 > n
    cues.harmony.push(edge ? 0 : 1 - cosine(chroma(i - 4, i), chroma(i, i + 4)))
    cues.entry.push(i < 4 ? 0 : Math.max(0, energy(i, i + 4) - energy(i - 4, i)))
    cues.fill.push(i < 4 ? 0 : bright(i - 2) + bright(i - 1) - bright(i - 4) - bright(i - 3))
    cues.section.push(i < 8 || i + 8 > n ? 0 : 1 - cosine(center(span(i, i + 8)), center(span(i - 8, i))))
    cues.tonic.push(triad && i + 4 <= n ? cosine(chroma(i, i + 4), triad) : 0)
    cues.replay.push(i < 4 || i + 4 > n ? 0 : cosine(barVectors[i], barVectors[i - 4]))
  }
  return cues
}

const PITCHES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B']

/** Chroma template of the tonic chord of a key named like estimateKey's ("Am", "F#"). */
function tonicTriad(key: string | null): Float32Array | null {
  const m = key ? /^([A-G]#?)(m?)$/.exec(key) : null
  if (!m) return null
  const root = PITCHES.indexOf(m[1])
  const t = new Float32Array(12)
  for (const iv of [0, m[2] ? 3 : 4, 7]) t[(root + iv) % 12] = 1
  return t
}


/** Each column minus its mean over the song: what a beat has that the song's average beat has not. */
function centreColumns(rows: number[][]): number[][] {
  const m = (rows[0] ?? []).map((_, k) => mean(rows.map((r) => r[k])))
  return rows.map((r) => r.map((v, k) => v - m[k]))
}

function center(v: number[]): number[] {
  const m = mean(v)
  return v.map((x) => x - m)
}
