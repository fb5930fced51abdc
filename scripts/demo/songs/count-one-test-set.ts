import { DEMO_SONG_SPECS, type DemoSongSpec } from './demo-song-spec'
import type { Irregularity } from './splice-irregular-song'

/**
 * The reported count-one test set (issue 10): 24 songs, 12 regular and 12 with the
 * irregularities real arrangements have, tempi 100–170, a third each as WAV, MP3 and M4A.
 * New performances (seeds) and tempi of the demo recipes: nothing here was used to tune the
 * analyser — the tuning set is the demo songs and their edits (bench:count-one,
 * irregular-song-specs.ts). Edits sit where arrangements put them: tags and 2-beat bars at
 * section joins, band stops inside a section, restarts after a pause at a join.
 */
export type TestSongFormat = 'wav' | 'mp3' | 'm4a'

export interface CountOneTestSong {
  name: string
  set: 'regular' | 'irregular'
  format: TestSongFormat
  spec: DemoSongSpec
  edits: Irregularity[]
}

const TEMPI = [100, 106, 112, 118, 124, 130, 136, 142, 148, 154, 160, 170]
const FORMATS: TestSongFormat[] = ['wav', 'mp3', 'm4a']

/** Phrase index where each part of the form starts (a section join), the first excluded. */
function joins(spec: DemoSongSpec): number[] {
  const out: number[] = []
  let at = 0
  for (const part of spec.form) { if (at > 0) out.push(at); at += part.phrases }
  return out
}

/** The phrase index of the k-th section join (the last but one where the form has fewer). */
export function joinAt(spec: DemoSongSpec): (k: number) => number {
  const j = joins(spec)
  return (k) => j[Math.min(k, j.length - 2)]
}

/** Edits for the i-th irregular song: every kind, alone and combined, at its musical place. */
export function editsFor(i: number, spec: DemoSongSpec): Irregularity[] {
  const at = joinAt(spec)
  const pause = [0.9, 1.2, 1.5, 1.8][i % 4]
  const plans: Irregularity[][] = [
    [{ kind: 'tag', beforePhrase: at(1) }],
    [{ kind: 'short-bar', beforePhrase: at(2) }],
    [{ kind: 'restart', beforePhrase: at(3), pauseSeconds: pause }],
    [{ kind: 'band-stop', inPhrase: at(1) + 1 }, { kind: 'tag', beforePhrase: at(4) }],
    [{ kind: 'band-stop', inPhrase: at(2) + 1, bars: 2 }],
    [{ kind: 'short-bar', beforePhrase: at(1) }, { kind: 'restart', beforePhrase: at(4), pauseSeconds: pause }],
    [{ kind: 'tag', beforePhrase: at(2) }, { kind: 'band-stop', inPhrase: at(3) + 1, bars: 2 }],
    [{ kind: 'short-bar', beforePhrase: at(1) }, { kind: 'band-stop', inPhrase: at(2) + 1 }, { kind: 'restart', beforePhrase: at(3), pauseSeconds: pause }, { kind: 'tag', beforePhrase: at(4) }],
  ]
  return plans[i % plans.length]
}

export function countOneTestSet(): CountOneTestSong[] {
  const out: CountOneTestSong[] = []
  for (const set of ['regular', 'irregular'] as const) {
    TEMPI.forEach((bpm, i) => {
      const recipe = DEMO_SONG_SPECS[i % DEMO_SONG_SPECS.length]
      const seed = recipe.seed + (set === 'regular' ? 2000 : 3000) + i
      const spec: DemoSongSpec = { ...recipe, name: `${recipe.name.replace(/-\d+$/, '')}-${bpm}-${set === 'regular' ? 'r' : 'x'}${i}`, seed, bpm }
      out.push({ name: spec.name, set, format: FORMATS[(i + (set === 'irregular' ? 1 : 0)) % 3], spec, edits: set === 'irregular' ? editsFor(i, spec) : [] })
    })
  }
  return out
}
