import { describe, expect, it } from 'vitest'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { checkTempoRange } from '@/lib/engines/audio/check-tempo-range'
import { DEMO_SONG_SPECS, type DemoSongSpec } from '@/scripts/demo/songs/demo-song-spec'
import { generateDemoSong } from '@/scripts/demo/songs/generate-demo-song'
import { fMeasure } from '@/tests/fixtures/metrics/evaluate-beats'

/** A demo song's first four parts (~40–100 s) at another tempo: same band, same arrangement. */
function songAt(name: string, bpm: number) {
  const base = DEMO_SONG_SPECS.find((s) => s.name === name)!
  const spec: DemoSongSpec = { ...base, name: `${name}-at-${bpm}`, bpm, form: base.form.slice(0, 4) }
  const song = generateDemoSong(spec)
  return { truth: song.truth, analysis: analyzePcm(song.pcm, song.sampleRate) }
}

describe('tempo range 90–180 BPM', () => {
  it.each([
    ['lenta-105', 95], ['clasica-128', 105], ['dominicana-148', 165], ['bachatazo-150', 170], ['clasica-128', 170],
  ])('%s at %i BPM: counted at its own tempo, no warning', (name, bpm) => {
    const { truth, analysis } = songAt(name, bpm)
    expect(analysis.bpm).toBeGreaterThan(bpm * 0.97)
    expect(analysis.bpm).toBeLessThan(bpm * 1.03)
    expect(fMeasure(truth.beats, analysis.beats).f).toBeGreaterThanOrEqual(0.95)
    expect(analysis.warnings).toEqual([])
  })

  it.each([['clasica-128'], ['sensual-drift-120'], ['moderna-132']])('%s at 70 BPM: folded to double time, with a warning', (name) => {
    const { analysis } = songAt(name, 70)
    expect(analysis.bpm).toBeGreaterThanOrEqual(90)
    expect(analysis.bpm).toBeLessThanOrEqual(180)
    expect(analysis.warnings.join(' ')).toMatch(/slow song near (69|70|71) BPM, below bachata's 90–180 BPM/)
  })

  it.each([['clasica-128'], ['dominicana-148'], ['bachatazo-150']])('%s at 200 BPM: counted in half time, with a warning', (name) => {
    const { analysis } = songAt(name, 200)
    expect(analysis.bpm).toBeGreaterThanOrEqual(90)
    expect(analysis.bpm).toBeLessThanOrEqual(180)
    expect(analysis.warnings.join(' ')).toMatch(/faster than bachata's 90–180 BPM/)
  })

  it.each([['moderna-132', 170], ['moderna-132', 162]])('%s at %i BPM (chucks on every "and", a 3:2 reading scores as well): counted at its own tempo', (name, bpm) => {
    const { truth, analysis } = songAt(name, bpm)
    expect(analysis.bpm).toBeGreaterThan(bpm * 0.97)
    expect(analysis.bpm).toBeLessThan(bpm * 1.03)
    expect(fMeasure(truth.beats, analysis.beats).f).toBeGreaterThanOrEqual(0.95)
    expect(analysis.warnings).toEqual([])
  })
})

describe('checkTempoRange on synthetic pulses', () => {
  const fr = 100
  function pulses(beatPeriod: number, hits: number[], seconds = 40) {
    const e = new Float32Array(seconds * fr)
    for (let t = 0; t < seconds * fr; t += beatPeriod) for (const [k, h] of hits.entries()) {
      const i = Math.round(t + (k / hits.length) * beatPeriod)
      if (i < e.length) e[i] = h
    }
    const beatFrames: number[] = []
    for (let t = 0; t < seconds * fr; t += beatPeriod) beatFrames.push(t)
    return { envelope: e, beatFrames }
  }
  it('beats with eighths: nothing to say', () => {
    expect(checkTempoRange({ ...pulses(50, [1, 0.6]), bpm: 120, confidence: 0.9 })).toEqual([])
  })
  it('beats without eighths: maybe the eighths of a slow song', () => {
    expect(checkTempoRange({ ...pulses(40, [1]), bpm: 150, confidence: 0.9 })[0]).toMatch(/slow song near 75 BPM, below/)
  })
  it('hits at the quarters: a pulse twice as fast', () => {
    expect(checkTempoRange({ ...pulses(60, [1, 0.9, 1, 0.9]), bpm: 100, confidence: 0.9 })[0]).toMatch(/about 200 BPM, faster than/)
  })
  it('hits at the thirds: a pulse 1.5 times as fast', () => {
    expect(checkTempoRange({ ...pulses(60, [1, 0.9, 0.9]), bpm: 110, confidence: 0.9 })[0]).toMatch(/about 165 BPM, not 110/)
  })
  it('a muddy beat is said so', () => {
    expect(checkTempoRange({ ...pulses(50, [1, 0.6]), bpm: 120, confidence: 0.1 })[0]).toMatch(/hard to hear/)
  })
})
