import { describe, expect, it } from 'vitest'
import { FRAME_RATE } from '@/lib/engines/audio/analysis-config'
import { holdBeatPhase } from '@/lib/engines/audio/hold-beat-phase'
import { measurePulseClarity } from '@/lib/engines/audio/measure-pulse-clarity'
import { trackBeatsAndBars } from '@/lib/engines/audio/track-beats-and-bars'
import { fMeasure } from '@/tests/fixtures/metrics/evaluate-beats'

/** Onset strength at each eighth (1 & 2 & 3 & 4 &) of a bar, in the bands the tracker reads. */
interface Bar { all: number[]; bass: number[]; high: number[] }
interface Part extends Bar { bpm: number; bars: number }

/** The bachata bar (bass on 1, 3 and the "and" of 4, slap on 4), its "and"s a little louder. */
const VERSE: Bar = { all: [0.9, 1, 0.9, 1, 0.9, 1, 0.9, 1], bass: [1, 0, 0, 0, 1, 0, 0, 0.8], high: [0, 0, 0, 0, 0, 0, 1.5, 0] }
/** A mambo whose every cue says off-beat: loud "and"s, the bass on the "and"s of 2 and 4, no slap. */
const MAMBO: Bar = { all: [0.75, 1, 0.75, 1, 0.75, 1, 0.75, 1], bass: [0.3, 0, 0, 1, 0.3, 0, 0, 1], high: [0, 0, 0, 0, 0, 0, 0, 0] }
/** The band's hit on 1 as it comes back from the pausa. */
const HIT: Bar = { all: [3], bass: [1], high: [1] }
/** An attack before that 1: the first thing heard after the silence. */
const PICKUP: Bar = { all: [1.5], bass: [0.5], high: [0] }
/** MAMBO with its beats quieter still, as a slow bachatazo's: the "and"s well over the beat. */
const QUIET_MAMBO: Bar = { ...MAMBO, all: MAMBO.all.map((v, k) => (k % 2 === 0 ? 0.6 : v)) }

/**
 * Click envelopes of a band playing `parts` in turn, with a bar of silence (a pausa, counted
 * at the tempo before it) before the second; swung "and"s at 55 % of the beat. The truth is
 * the beat times the tempi give, from 0.5 s on: nothing here looks at a tracker.
 */
function band(parts: Part[], opts: { pickup?: number } = {}) {
  const beats: number[] = []
  const downbeats: number[] = []
  const hits: Array<[number, Bar, number]> = []
  let t = 0.5
  parts.forEach((part, i) => {
    for (let b = i === 1 ? -1 : 0; b < part.bars; b++) {
      const p = 60 / (b < 0 ? parts[0].bpm : part.bpm)
      downbeats.push(t)
      for (let k = 0; k < 4; k++) {
        beats.push(t)
        if (b >= 0) for (const half of [0, 1]) hits.push([t + half * 0.55 * p, part, 2 * k + half])
        if (i === 1 && b === 0 && k === 0) hits.push([t, HIT, 0])
        // A pickup before the 1 the band comes back on (a note, a stroke, a breath).
        if (i === 1 && b === 0 && k === 0 && opts.pickup) hits.push([t - opts.pickup, PICKUP, 0])
        t += p
      }
    }
  })
  const n = Math.round((t + 1) * FRAME_RATE)
  const [all, bass, high] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)]
  for (const [time, bar, e] of hits) {
    const f = Math.round(time * FRAME_RATE)
    all[f] += bar.all[e]
    bass[f] += bar.bass[e]
    high[f] += bar.high[e]
  }
  return { all, bands: [bass, all, all, all, high], beats, downbeats }
}

const seconds = (frames: number[]) => frames.map((f) => f / FRAME_RATE)

/** A verse, a pausa, a mambo 2 % slower, a verse: the held beats are the band's. */
function expectHeld(bpm: number, mambo: Bar, opts: { pickup?: number } = {}) {
  const slower = bpm * 0.98
  const { all, bands, beats, downbeats } = band([{ bpm, bars: 24, ...VERSE }, { bpm: slower, bars: 24, ...mambo }, { bpm: slower, bars: 12, ...VERSE }], opts)
  // The tempo curve as estimate-tempo-curve would give it: the step where the band comes back.
  const reentry = beats[25 * 4] * FRAME_RATE
  const periodAt = (f: number) => (60 * FRAME_RATE) / (f < reentry ? bpm : slower)
  const loose = trackBeatsAndBars(all, bands, { period: periodAt, tightness: 1000 })
  // The case itself: a loose tracker slides onto the "and"s after the pausa.
  expect(fMeasure(beats, seconds(loose.beats)).f).toBeLessThan(0.6)
  const held = holdBeatPhase(all, bands, periodAt, loose, measurePulseClarity(all, loose.beats, periodAt))
  const times = seconds(held.beats)
  expect(fMeasure(beats, times).f).toBeGreaterThan(0.99)
  expect(fMeasure(downbeats, times.filter((_, i) => held.positions[i] === 0)).f).toBeGreaterThan(0.99)
}

describe('holdBeatPhase', () => {
  it.each([114, 122, 146])('at %i BPM keeps the beat through a pausa, a tempo step and a mambo that sounds off-beat', (bpm) => {
    expectHeld(bpm, MAMBO)
  })

  // Both failed with the hold before (tightness 2000, the template at 1: beat F ~0.4 in every case).
  it.each([104, 122, 146])('at %i BPM keeps the beat when the band comes back with a pickup 80 ms before the 1', (bpm) => {
    expectHeld(bpm, MAMBO, { pickup: 0.08 })
  })

  it.each([104, 116, 122])('at %i BPM keeps the beat through a mambo whose beats are quieter than its "and"s', (bpm) => {
    expectHeld(bpm, QUIET_MAMBO)
  })

  it('leaves a pulse that never gets clear alone', () => {
    const loose = { beats: [10, 50, 90, 130, 170], positions: [0, 1, 2, 3, 0] }
    expect(holdBeatPhase(new Float32Array(200), [], () => 40, loose, [0.5, 0.7, 0.7, 0.7, 0.2])).toBe(loose)
  })
})
