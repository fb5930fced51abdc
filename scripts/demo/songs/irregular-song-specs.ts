import { DEMO_SONG_SPECS, type DemoSongSpec } from './demo-song-spec'
import type { Irregularity } from './splice-irregular-song'

/**
 * The irregular half of the count-one test set: each demo song edited the way arrangements
 * break the 8-count lattice. Phrase indices are the generated song's (see the form in
 * demo-song-spec.ts): a tag before a chorus, a 2-beat bar at a section join, a restart after
 * a pause (often with the tempo step the spec already has), a one-bar band stop inside a
 * phrase, and combinations.
 */
export interface IrregularSongSpec {
  name: string
  base: string
  edits: Irregularity[]
  /** Another performance (seed) and tempo of the base recipe; never a reported-set seed (count-one-test-set.ts). */
  variant?: { seed: number; bpm: number }
}

/** The demo recipe of a tuning song, with its variant's seed and tempo. */
export function tuningSongSpec(spec: IrregularSongSpec): DemoSongSpec {
  const base = DEMO_SONG_SPECS.find((s) => s.name === spec.base)
  if (!base) throw new Error(`no demo song ${spec.base}`)
  return spec.variant ? { ...base, name: `${base.name.replace(/-\d+$/, '')}-${spec.variant.bpm}-v`, ...spec.variant } : base
}

export const IRREGULAR_SONG_SPECS: readonly IrregularSongSpec[] = [
  { name: 'clasica-128-tag', base: 'clasica-128', edits: [{ kind: 'tag', beforePhrase: 6 }] },
  { name: 'romantica-112-short-bar', base: 'romantica-rubato-112', edits: [{ kind: 'short-bar', beforePhrase: 8 }] },
  { name: 'dominicana-148-restart', base: 'dominicana-148', edits: [{ kind: 'restart', beforePhrase: 14, pauseSeconds: 1.3 }] },
  { name: 'sensual-120-stop-and-tag', base: 'sensual-drift-120', edits: [{ kind: 'band-stop', inPhrase: 12 }, { kind: 'tag', beforePhrase: 22 }] },
  { name: 'moderna-132-tag-short', base: 'moderna-132', edits: [{ kind: 'tag', beforePhrase: 10 }, { kind: 'short-bar', beforePhrase: 22 }] },
  { name: 'en-vivo-140-restart', base: 'en-vivo-140', edits: [{ kind: 'restart', beforePhrase: 16, pauseSeconds: 2.1 }, { kind: 'tag', beforePhrase: 22 }] },
  { name: 'lenta-105-tag', base: 'lenta-105', edits: [{ kind: 'band-stop', inPhrase: 10 }, { kind: 'tag', beforePhrase: 12 }] },
  { name: 'bachatazo-150-everything', base: 'bachatazo-150', edits: [
    { kind: 'short-bar', beforePhrase: 6 }, { kind: 'band-stop', inPhrase: 12 }, { kind: 'restart', beforePhrase: 18, pauseSeconds: 0.9 }, { kind: 'tag', beforePhrase: 26 },
  ] },
  // Added in session 6 to reproduce what the reported set showed (tags before a chorus placed
  // a bar off, with or without a band stop near them): new performances and tempi.
  { name: 'clasica-102-tag', base: 'clasica-128', variant: { seed: 9101, bpm: 102 }, edits: [{ kind: 'tag', beforePhrase: 6 }] },
  { name: 'clasica-146-tag', base: 'clasica-128', variant: { seed: 9102, bpm: 146 }, edits: [{ kind: 'tag', beforePhrase: 6 }] },
  { name: 'lenta-134-tag-stop', base: 'lenta-105', variant: { seed: 9201, bpm: 134 }, edits: [{ kind: 'tag', beforePhrase: 12 }, { kind: 'band-stop', inPhrase: 17, bars: 2 }] },
  { name: 'moderna-126-stop', base: 'moderna-132', variant: { seed: 9501, bpm: 126 }, edits: [{ kind: 'band-stop', inPhrase: 19 }] },
]
