import { BAND } from './analysis-config'
import type { BeatSummary } from './summarize-beats'
import type { SpectralFeatures } from './compute-spectral-features'
import { mean, toDb } from './signal-utils'

/**
 * One feature vector per 8-count phrase: loudness, how busy the percussion is, the band
 * balance, the harmony (chroma) and the timbre (MFCC). Sections, labels and the energy curve
 * are all decided on these.
 */
export interface PhraseSpan {
  start: number
  end: number
  /** Beat indices [firstBeat, endBeat). */
  firstBeat: number
  endBeat: number
}

export interface PhraseFeatures {
  energyDb: number
  /** Mean onset strength of bass + slap/güira bands: how hard the band is driving. */
  drive: number
  bandDb: number[]
  chroma: number[]
  mfcc: number[]
}

export function describePhrases(phrases: PhraseSpan[], summary: BeatSummary, timbre: Pick<SpectralFeatures, 'mfcc' | 'timbreRate'>): PhraseFeatures[] {
  return phrases.map((p) => {
    const idx: number[] = []
    for (let i = p.firstBeat; i < p.endBeat && i < summary.energyDb.length; i++) idx.push(i)
    const power = mean(idx.map((i) => 10 ** (summary.energyDb[i] / 10)))
    const bandDb = (summary.bandDb[0] ?? []).map((_, b) => toDb(mean(idx.map((i) => 10 ** (summary.bandDb[i][b] / 10)))))
    const chroma = new Array(12).fill(0)
    for (const i of idx) for (let k = 0; k < 12; k++) chroma[k] += summary.chroma[i][k] / Math.max(1, idx.length)
    const drive = mean(idx.map((i) => summary.onsetDensity[i][BAND.bass] + summary.onsetDensity[i][BAND.highMid] + summary.onsetDensity[i][BAND.high]))
    const a = Math.max(0, Math.floor(p.start * timbre.timbreRate))
    const b = Math.max(a + 1, Math.min(timbre.mfcc.length, Math.ceil(p.end * timbre.timbreRate)))
    const mfcc = new Array(13).fill(0)
    for (let j = a; j < b && j < timbre.mfcc.length; j++) for (let k = 0; k < 13; k++) mfcc[k] += timbre.mfcc[j][k] / (b - a)
    return { energyDb: toDb(power), drive, bandDb, chroma, mfcc }
  })
}

/** Rows z-scored per dimension, so loudness, harmony and timbre weigh in comparably. */
export function phraseMatrix(features: PhraseFeatures[]): number[][] {
  const rows = features.map((f) => [
    ...f.chroma.map((c) => c * 3),
    ...f.mfcc.slice(1),
    ...f.bandDb,
    f.energyDb, f.energyDb,
    f.drive, f.drive,
  ])
  if (rows.length === 0) return rows
  const dims = rows[0].length
  for (let d = 0; d < dims; d++) {
    const m = mean(rows.map((r) => r[d]))
    const sd = Math.sqrt(mean(rows.map((r) => (r[d] - m) ** 2))) || 1
    for (const r of rows) r[d] = (r[d] - m) / sd
  }
  return rows
}
