import type { SectionLabel } from '@/lib/engines/dance/vocabulary'
import type { DemoSongSpec } from './demo-song-spec'

/**
 * The score of a demo song before any sound: the drifting beat grid and which section,
 * chord and pausa each bar belongs to. The ground truth is read off this plan, so truth and
 * audio cannot disagree.
 */
export interface BarPlan {
  index: number
  /** Beat index (into grid) of this bar's beat 1. */
  firstBeat: number
  label: Exclude<SectionLabel, 'break'>
  partIndex: number
  barInPart: number
  barsInPart: number
  /** The band is silent in this bar (pausa). */
  pausa: boolean
  /** The first bar of a pausa opens with a band hit on beat 1. */
  pausaHit: boolean
  chord: Chord
  nextChord: Chord | null
  /** 0..1 gain of the fade-out ending. */
  fade: number
}

export interface Chord {
  /** Pitch class of the root. */
  root: number
  quality: 'maj' | 'min' | 'dom7'
}

export interface SongPlan {
  spec: DemoSongSpec
  /** Times of every grid beat, plus one closing beat (the final hit). */
  grid: number[]
  bars: BarPlan[]
  gridStart: number
  endSeconds: number
  /** Grid index of the first beat played at the stepped tempo after the first pausa, or null. */
  tempoStepBeat: number | null
}

const PROGRESSIONS = {
  minor: [
    [{ root: 0, quality: 'min' }, { root: 5, quality: 'min' }, { root: 7, quality: 'dom7' }, { root: 0, quality: 'min' }],
    [{ root: 0, quality: 'min' }, { root: 10, quality: 'maj' }, { root: 8, quality: 'maj' }, { root: 7, quality: 'dom7' }],
  ],
  major: [
    [{ root: 0, quality: 'maj' }, { root: 5, quality: 'maj' }, { root: 7, quality: 'dom7' }, { root: 5, quality: 'maj' }],
    [{ root: 0, quality: 'maj' }, { root: 9, quality: 'min' }, { root: 5, quality: 'maj' }, { root: 7, quality: 'dom7' }],
  ],
} as const satisfies Record<string, readonly (readonly Chord[])[]>

function chordFor(spec: DemoSongSpec, label: BarPlan['label'], barInPart: number): Chord {
  const tonic = spec.key.tonic
  const transpose = (c: Chord): Chord => ({ root: (c.root + tonic) % 12, quality: c.quality })
  if (label === 'mambo') {
    // Mambos vamp on two chords, one per bar.
    const vamp: Chord[] = [{ root: 0, quality: spec.key.minor ? 'min' : 'maj' }, { root: 7, quality: 'dom7' }]
    return transpose(vamp[barInPart % 2])
  }
  const progs = spec.key.minor ? PROGRESSIONS.minor : PROGRESSIONS.major
  const prog = label === 'chorus' ? progs[1] : progs[0]
  return transpose(prog[Math.floor(barInPart / spec.harmonicRhythm) % 4])
}

export function planDemoSong(spec: DemoSongSpec): SongPlan {
  const gridStart = spec.preRoll.seconds
  const bars: Omit<BarPlan, 'firstBeat' | 'nextChord'>[] = []
  let breakEndBar = -1
  spec.form.forEach((part, partIndex) => {
    const barsInPart = part.phrases * 2
    for (let b = 0; b < barsInPart; b++) {
      const pausa = (part.breakBars ?? 0) > 0 && b >= barsInPart - (part.breakBars ?? 0)
      bars.push({
        index: bars.length, label: part.label, partIndex, barInPart: b, barsInPart, pausa,
        pausaHit: pausa && b === barsInPart - (part.breakBars ?? 0),
        chord: chordFor(spec, part.label, b), fade: 1,
      })
    }
    if ((part.breakBars ?? 0) > 0 && breakEndBar < 0) breakEndBar = bars.length
  })

  // Beat grid: integrate a drifting tempo so beat k+1 = beat k + 60 / bpm(k).
  const totalBeats = bars.length * 4 + 1
  const grid: number[] = [gridStart]
  const phase = (spec.seed % 628) / 100
  for (let k = 0; k < totalBeats - 1; k++) {
    const approx = (k * 60) / spec.bpm
    const ramp = 1 + spec.drift.ramp * (k / totalBeats - 0.5)
    const sine = 1 + spec.drift.depth * Math.sin((2 * Math.PI * approx) / spec.drift.periodSeconds + phase)
    const step = breakEndBar >= 0 && k >= breakEndBar * 4 ? 1 + spec.tempoStepAfterBreak : 1
    grid.push(grid[k] + 60 / (spec.bpm * ramp * sine * step))
  }

  const full: BarPlan[] = bars.map((b, i) => ({ ...b, firstBeat: i * 4, nextChord: i + 1 < bars.length ? bars[i + 1].chord : null }))
  if (spec.ending === 'fade') {
    // Fade the last outro phrase from 0 dB down to about -30 dB.
    const fadeBars = 2
    for (let i = 0; i < fadeBars; i++) {
      const bar = full[full.length - fadeBars + i]
      bar.fade = 10 ** ((-30 * (i + 0.5)) / fadeBars / 20)
    }
  }
  const tail = spec.ending === 'hit' ? 2.5 : 0.8
  const tempoStepBeat = breakEndBar >= 0 && spec.tempoStepAfterBreak !== 0 && breakEndBar < bars.length ? breakEndBar * 4 : null
  return { spec, grid, bars: full, gridStart, endSeconds: grid[grid.length - 1] + tail, tempoStepBeat }
}
