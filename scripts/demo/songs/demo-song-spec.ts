import type { SectionLabel } from '@/lib/engines/dance/vocabulary'

/**
 * What a demo song is made of. Every knob exists because it breaks some naive tracker:
 * drift (constant grids), swing and off-beat accents (phase), tied downbeats (bass-only
 * downbeat finders), rubato/silent intros (trackers that start at 0 s), pausas (trackers that
 * lose the grid in silence).
 */
export interface FormPart {
  label: Exclude<SectionLabel, 'break'>
  /** Length in 8-counts (phrases). */
  phrases: number
  /** The band stops for the last 1–2 bars of this part (a pausa), then re-enters on count 1. */
  breakBars?: 0 | 1 | 2
}

export interface DemoSongSpec {
  name: string
  seed: number
  /** Nominal tempo; the played tempo drifts around it. */
  bpm: number
  /** Slow sinusoidal drift: depth as a fraction (0.02 = ±2 %), period in seconds. */
  drift: { depth: number; periodSeconds: number; ramp: number }
  /** Fractional tempo change after the first pausa (the band comes back a bit faster). */
  tempoStepAfterBreak: number
  /** 0.5 = straight eighths; 0.6 = the "and" lands 60 % through the beat. */
  swing: number
  /** Standard deviation of per-note timing noise, ms. */
  jitterMs: number
  /** Free-time material before the first beat of the grid. */
  preRoll: { kind: 'none' | 'silent' | 'rubato'; seconds: number }
  form: FormPart[]
  key: { tonic: number; minor: boolean }
  /** Bars per chord in verses/choruses. */
  harmonicRhythm: 1 | 2
  /** 0–1: how loud the off-beat temptations are (güira short strokes, bass anticipation, chucks). */
  offbeat: number
  /** Probability that the bass ties over beat 1 after its anticipation (no note on 1). */
  tiedDownbeats: number
  breakKind: 'silence' | 'requinto'
  ending: 'hit' | 'fade'
  /** Tape hiss level (linear amplitude), 0 for none. */
  hiss: number
  /** Moderna: muted guitar chucks on every "and". */
  chucks: boolean
}

const std = (over: Partial<DemoSongSpec> & Pick<DemoSongSpec, 'name' | 'seed' | 'bpm' | 'form'>): DemoSongSpec => ({
  drift: { depth: 0.01, periodSeconds: 60, ramp: 0 },
  tempoStepAfterBreak: 0,
  swing: 0.5,
  jitterMs: 6,
  preRoll: { kind: 'none', seconds: 0.4 },
  key: { tonic: 9, minor: true },
  harmonicRhythm: 1,
  offbeat: 0.5,
  tiedDownbeats: 0.3,
  breakKind: 'silence',
  ending: 'hit',
  hiss: 0,
  chucks: false,
  ...over,
})

const p = (label: FormPart['label'], phrases: number, breakBars: 0 | 1 | 2 = 0): FormPart => ({ label, phrases, breakBars })

export const DEMO_SONG_SPECS: readonly DemoSongSpec[] = [
  std({
    name: 'clasica-128', seed: 101, bpm: 128, harmonicRhythm: 2,
    form: [p('intro', 2), p('verse', 4), p('chorus', 4), p('verse', 4), p('chorus', 4, 1), p('mambo', 4), p('chorus', 4), p('outro', 2)],
  }),
  std({
    name: 'romantica-rubato-112', seed: 202, bpm: 112, swing: 0.56, jitterMs: 9,
    drift: { depth: 0.02, periodSeconds: 75, ramp: 0 },
    preRoll: { kind: 'rubato', seconds: 10 }, key: { tonic: 2, minor: false }, breakKind: 'requinto',
    form: [p('verse', 4), p('chorus', 4), p('verse', 4), p('chorus', 4, 2), p('mambo', 4), p('chorus', 4), p('outro', 2)],
    ending: 'fade',
  }),
  std({
    name: 'dominicana-148', seed: 303, bpm: 148, offbeat: 0.95, tiedDownbeats: 0.6,
    preRoll: { kind: 'silent', seconds: 2.2 }, key: { tonic: 4, minor: true },
    form: [p('intro', 2), p('verse', 4), p('chorus', 4), p('mambo', 4, 1), p('verse', 4), p('chorus', 4), p('mambo', 4), p('outro', 2)],
  }),
  std({
    name: 'sensual-drift-120', seed: 404, bpm: 120, drift: { depth: 0.01, periodSeconds: 50, ramp: 0.06 },
    key: { tonic: 7, minor: false }, harmonicRhythm: 2, offbeat: 0.6,
    form: [p('intro', 2), p('verse', 4), p('chorus', 4, 1), p('verse', 4), p('chorus', 4), p('mambo', 4), p('chorus', 4), p('outro', 2)],
    ending: 'fade',
  }),
  std({
    name: 'moderna-132', seed: 505, bpm: 132, chucks: true, offbeat: 0.8, tiedDownbeats: 0.5,
    key: { tonic: 11, minor: true },
    form: [p('intro', 2), p('verse', 4), p('chorus', 4), p('verse', 4), p('chorus', 4, 2), p('mambo', 4), p('chorus', 4), p('outro', 2)],
  }),
  std({
    name: 'en-vivo-140', seed: 606, bpm: 140, swing: 0.6, jitterMs: 12,
    drift: { depth: 0.03, periodSeconds: 40, ramp: 0 }, tempoStepAfterBreak: 0.03,
    preRoll: { kind: 'silent', seconds: 1.5 }, key: { tonic: 5, minor: false },
    form: [p('verse', 4), p('chorus', 4), p('verse', 4), p('chorus', 4, 1), p('mambo', 6), p('chorus', 4), p('outro', 2)],
  }),
  std({
    name: 'lenta-105', seed: 707, bpm: 105, swing: 0.54, hiss: 0.01, offbeat: 0.7,
    drift: { depth: 0.015, periodSeconds: 90, ramp: -0.03 }, key: { tonic: 0, minor: true },
    preRoll: { kind: 'rubato', seconds: 8 }, breakKind: 'requinto', harmonicRhythm: 2,
    form: [p('verse', 4), p('chorus', 4, 2), p('verse', 4), p('chorus', 4), p('mambo', 4), p('outro', 2)],
    ending: 'fade',
  }),
  std({
    name: 'bachatazo-150', seed: 808, bpm: 150, offbeat: 0.85, swing: 0.55, tiedDownbeats: 0.5, chucks: true,
    drift: { depth: 0.015, periodSeconds: 30, ramp: 0.02 }, tempoStepAfterBreak: -0.02, key: { tonic: 3, minor: false },
    form: [p('intro', 2), p('verse', 4), p('chorus', 4), p('verse', 4), p('chorus', 4, 1), p('mambo', 8), p('chorus', 4), p('outro', 2)],
  }),
]

/** A ~3-minute song: the speed and memory figures of bench:analysis, the 3-minute video of bench:web. */
export const THREE_MINUTE_SONG_SPEC: DemoSongSpec = {
  ...DEMO_SONG_SPECS[0], name: 'three-minutes-128', seed: 4242,
  form: [
    { label: 'intro', phrases: 2 }, { label: 'verse', phrases: 4 }, { label: 'chorus', phrases: 4 }, { label: 'verse', phrases: 4 },
    { label: 'chorus', phrases: 4, breakBars: 1 }, { label: 'mambo', phrases: 4 }, { label: 'verse', phrases: 4 },
    { label: 'chorus', phrases: 4 }, { label: 'mambo', phrases: 8 }, { label: 'verse', phrases: 4 }, { label: 'chorus', phrases: 4 },
    { label: 'outro', phrases: 2 },
  ],
}
