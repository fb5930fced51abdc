import { beforeAll, describe, expect, it } from 'vitest'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { SongAnalysisSchema, type SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { decodeAudio } from '@/lib/engines/audio/decode-audio'
import { DEMO_SONG_SPECS } from '@/scripts/demo/songs/demo-song-spec'
import type { DemoSongTruth } from '@/scripts/demo/songs/generate-demo-song'
import { fMeasure, tempoError } from '@/tests/fixtures/metrics/evaluate-beats'
import { demoSongs } from './fixtures'

/**
 * Issue 3 acceptance on the synthetic bachata set (drift, swing, off-beat accents, tied
 * downbeats, rubato/silent intros, pausas, mambos). Each song is decoded and analysed once;
 * every test below reads the shared results.
 */
const results = new Map<string, { truth: DemoSongTruth; analysis: SongAnalysis }>()
let firstPcm: Float32Array

beforeAll(async () => {
  for (const song of await demoSongs()) {
    const { pcm, sampleRate } = await decodeAudio(song.wav)
    firstPcm ??= pcm
    results.set(song.name, { truth: song.truth, analysis: analyzePcm(pcm, sampleRate) })
  }
}, 180_000)

const phraseSeconds = (t: DemoSongTruth) => (8 * 60) / t.bpm
const names = DEMO_SONG_SPECS.map((s) => s.name)

describe.each(names)('%s', (name) => {
  const get = () => results.get(name)!

  it('produces a valid, confident analysis', () => {
    const { analysis } = get()
    expect(SongAnalysisSchema.safeParse(analysis).success).toBe(true)
    expect(analysis.confidence).toBeGreaterThan(0.4)
  })

  it('finds the beats (MIREX F >= 0.95)', () => {
    const { truth, analysis } = get()
    expect(fMeasure(truth.beats, analysis.beats).f).toBeGreaterThanOrEqual(0.95)
  })

  it('finds the downbeats (F >= 0.90)', () => {
    const { truth, analysis } = get()
    expect(fMeasure(truth.downbeats, analysis.downbeats).f).toBeGreaterThanOrEqual(0.9)
  })

  it('gets the tempo within 2 %', () => {
    const { truth, analysis } = get()
    expect(tempoError(truth.bpm, analysis.bpm)).toBeLessThan(0.02)
  })

  it('finds every pausa within one phrase', () => {
    const { truth, analysis } = get()
    for (const b of truth.breaks) {
      const hit = analysis.breaks.some((d) => Math.abs(d.start - b.start) <= phraseSeconds(truth) && d.end > b.start)
      expect(hit, `pausa at ${b.start.toFixed(1)} s; found ${JSON.stringify(analysis.breaks)}`).toBe(true)
    }
  })

  it('labels every mambo within one phrase', () => {
    const { truth, analysis } = get()
    const tol = phraseSeconds(truth)
    for (const m of truth.mambos) {
      const hit = analysis.sections.some((s) => s.label === 'mambo' && Math.abs(s.start - m.start) <= tol && Math.abs(s.end - m.end) <= tol)
      expect(hit, `mambo ${m.start.toFixed(1)}-${m.end.toFixed(1)} s`).toBe(true)
    }
  })

  it('keeps the grid consistent: count 1 is a downbeat, every phrase starts on count 1', () => {
    const { analysis } = get()
    const downs = new Set(analysis.downbeats)
    expect(analysis.countOne.every((t) => downs.has(t))).toBe(true)
    const ones = new Set(analysis.countOne)
    expect(analysis.phrases.every((p) => ones.has(p.start))).toBe(true)
  })
})

describe('the whole set', () => {
  it('is deterministic: the same PCM gives the same analysis', () => {
    expect(analyzePcm(firstPcm, 22050)).toEqual(results.get(names[0])!.analysis)
  })

  it('tiles each song with sections, labels intro and outro, and points repeats backwards', () => {
    for (const n of names) {
      const { analysis: a } = results.get(n)!
      expect(a.sections[0].start).toBe(0)
      expect(a.sections[a.sections.length - 1].end).toBeGreaterThanOrEqual(a.durationSeconds - 0.01)
      a.sections.forEach((s, i) => {
        if (i > 0) expect(s.start).toBeCloseTo(a.sections[i - 1].end, 2)
        if (s.repeatOf != null) {
          expect(s.repeatOf).toBeLessThan(i)
          expect(a.sections[s.repeatOf].label).toBe(s.label)
        }
      })
      expect(a.sections[0].label).toBe('intro')
      expect(a.sections[a.sections.length - 1].label).toBe('outro')
      expect(a.sections.some((s) => s.label === 'chorus')).toBe(true)
      expect(a.phrases.every((p) => p.energy >= 0 && p.energy <= 1 && a.sections[p.sectionIndex].label === p.section)).toBe(true)
    }
  })

  it('puts count 1 on the right beat on at least 90 % of songs', () => {
    const correct = names.filter((n) => {
      const { truth, analysis } = results.get(n)!
      return fMeasure(truth.countOne, analysis.countOne).f >= 0.9
    })
    expect(correct.length / names.length).toBeGreaterThanOrEqual(0.9)
  })
})
