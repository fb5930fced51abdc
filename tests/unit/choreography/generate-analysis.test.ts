import { describe, expect, it } from 'vitest'
import { SongAnalysisSchema } from '@/lib/engines/audio/analysis-schema'
import { DEFAULT_LAYOUT, generateAnalysis, randomSongSpec } from '@/tests/fixtures/choreography/generate-analysis'
import { buildSlots } from '@/lib/engines/choreography/build-slots'

describe('synthetic song analyses', () => {
  it('are valid SongAnalysis documents with a consistent 8-count grid', () => {
    for (let seed = 0; seed < 30; seed++) {
      const a = generateAnalysis(randomSongSpec(seed))
      expect(SongAnalysisSchema.safeParse(a).success).toBe(true)
      const beats = new Set(a.beats)
      expect(a.countOne.every((t) => beats.has(t))).toBe(true)
      for (let i = 1; i < a.beats.length; i++) expect(a.beats[i]).toBeGreaterThan(a.beats[i - 1])
      expect(a.phrases).toHaveLength(a.countOne.length)
      expect(a.sections[0].start).toBe(a.countOne[0])
      a.sections.forEach((s, i) => {
        if (s.repeatOf !== null && s.repeatOf !== undefined) expect(s.repeatOf).toBeLessThan(i)
      })
      for (const b of a.breaks) expect(b.end).toBeGreaterThan(b.start)
      expect(Math.min(...a.phrases.map((p) => p.energy))).toBe(0)
      expect(Math.max(...a.phrases.map((p) => p.energy))).toBe(1)
      expect(a.durationSeconds).toBeGreaterThan(a.beats[a.beats.length - 1])
    }
  })

  it('model a live band: the tempo drifts, beats jitter, count one comes after pickup beats', () => {
    const a = generateAnalysis({ seed: 1, bpm: 120, driftPct: 4, jitterMs: 10, pickupBeats: 3, leadInSeconds: 2 })
    const gap = (i: number) => a.beats[i + 1] - a.beats[i]
    const early = (a.countOne[2] - a.countOne[1]) / 8
    const late = (a.countOne[a.countOne.length - 2] - a.countOne[a.countOne.length - 3]) / 8
    expect(60 / early).toBeCloseTo(120, -1)
    expect(60 / late / (60 / early)).toBeGreaterThan(1.025)
    expect(new Set(a.beats.slice(10, 30).map((_, i) => gap(10 + i).toFixed(4))).size).toBeGreaterThan(10)
    expect(a.countOne[0]).toBe(a.beats[3])
    expect(a.sections.map((s) => s.label)).toEqual(DEFAULT_LAYOUT.map((s) => s.label))
    // The engine's slots follow the analysed beats, not an idealised grid.
    const slots = buildSlots(a).slots
    expect(slots).toHaveLength(a.countOne.length)
    expect(slots[5].beatTimes).toEqual(a.beats.slice(3 + 40, 3 + 49))
  })
})
