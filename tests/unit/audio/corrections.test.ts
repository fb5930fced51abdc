import { describe, expect, it } from 'vitest'
import { adjustAnalysis, AnalysisAdjustmentSchema } from '@/lib/engines/audio/adjust-analysis'
import { AnalysisCorrectionsSchema, AnalysisPatchSchema, applyCorrections } from '@/lib/engines/audio/apply-corrections'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { SongAnalysisSchema, type SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import { AppError } from '@/lib/shared/errors'
import { DEMO_SONG_SPECS } from '@/scripts/demo/songs/demo-song-spec'
import { generateDemoSong } from '@/scripts/demo/songs/generate-demo-song'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'

const base = generateAnalysis({ seed: 21, bpm: 128, driftPct: 2, jitterMs: 8 })
const beatIndex = (a: SongAnalysis, t: number) => a.beats.indexOf(t)
const countOneAt = (a: SongAnalysis, k: number) => beatIndex(a, a.countOne[k])

/** The analysis hangs together: phrases run count-one to count-one inside their section,
 * sections tile the file, downbeats include every count one. */
function expectConsistent(a: SongAnalysis) {
  expect(SongAnalysisSchema.safeParse(a).success).toBe(true)
  expect(a.phrases.map((p) => p.start)).toEqual(a.countOne)
  a.phrases.forEach((p, i) => {
    expect(p.index).toBe(i)
    const s = a.sections[p.sectionIndex]
    expect(p.start).toBeGreaterThanOrEqual(s.start - 1e-6)
    if (p.sectionIndex < a.sections.length - 1) expect(p.start).toBeLessThan(s.end)
    expect(p.section).toBe(s.label)
  })
  a.sections.slice(1).forEach((s, i) => expect(s.start).toBe(a.sections[i].end))
  for (const t of a.countOne) expect(a.downbeats).toContain(t)
}

describe("count-one-from: 'count one is at T from here on'", () => {
  const k = 6
  const i0 = countOneAt(base, k)
  const cut = base.beats[i0 + 3]
  const T = cut + 0.04 // an instructor's tap, a little late: the beat nearest it is the new count one
  const fixed = adjustAnalysis(base, { kind: 'count-one-from', time: T })

  it('moves every count-one after T by the same 3 beats', () => {
    const moved = fixed.countOne.filter((t) => t >= cut).map((t) => beatIndex(base, t))
    const lattice: number[] = []
    const lastOld = countOneAt(base, base.countOne.length - 1)
    for (let i = i0 + 3; i < Math.min(base.beats.length, lastOld + 8); i += 8) lattice.push(i)
    expect(moved).toEqual(lattice)
    const later = base.countOne.slice(k + 1).map((t) => beatIndex(base, t)).filter((i) => i + 3 < base.beats.length)
    expect(later.length).toBeGreaterThan(10)
    for (const i of later) expect(moved).toContain(i + 3)
    for (const t of base.countOne.slice(k + 1)) expect(fixed.countOne).not.toContain(t)
  })

  it('moves nothing before T', () => {
    const before = <X extends { start: number }>(xs: X[]) => xs.filter((x) => x.start < base.countOne[k])
    expect(fixed.countOne.filter((t) => t < cut)).toEqual(base.countOne.filter((t) => t < cut))
    expect(fixed.downbeats.filter((t) => t < cut)).toEqual(base.downbeats.filter((t) => t < cut))
    expect(before(fixed.phrases)).toEqual(before(base.phrases))
    expect(fixed.sections.filter((s) => s.end <= T)).toEqual(base.sections.filter((s) => s.end <= T))
    expect(fixed.beats).toEqual(base.beats)
  })

  it('carries the new phase through a band stop the count runs through (an irregularity of 0 counts)', () => {
    const stop = base.beats[i0 + 8 * 4 + 4]
    const withStop = { ...base, irregularities: [{ time: stop, kind: 'break' as const, counts: 0 }] }
    const moved = adjustAnalysis(withStop, { kind: 'count-one-from', time: T }).countOne.filter((t) => t >= cut).map((t) => beatIndex(base, t))
    expect(moved).toEqual(fixed.countOne.filter((t) => t >= cut).map((t) => beatIndex(base, t)))
  })

  it('records the restart with the counts the interrupted phrase lost, and stays consistent', () => {
    expect(fixed.irregularities).toEqual([{ time: cut, kind: 'restart', counts: -5 }])
    expectConsistent(fixed)
    expect(fixed.sections.filter((s) => s.start >= T).every((s) => s.countOneConfidence === 1)).toBe(true)
  })

  it('a later correction survives an earlier one made afterwards (the grid resumes at the next irregularity)', () => {
    const T2 = base.beats[countOneAt(base, 20) + 2]
    const later = adjustAnalysis(base, { kind: 'count-one-from', time: T2 })
    const both = adjustAnalysis(later, { kind: 'count-one-from', time: T })
    expect(both.countOne.filter((t) => t >= T2)).toEqual(later.countOne.filter((t) => t >= T2))
    expect(both.countOne.filter((t) => t < cut)).toEqual(base.countOne.filter((t) => t < cut))
    // from T to T2 the new phase, and the phrase that reaches T2 now has its own length
    expect(both.countOne).toContain(base.beats[i0 + 3 + 8])
    const atT2 = both.irregularities.find((r) => r.time === T2)!
    const lastBefore = Math.max(...both.countOne.filter((t) => t < T2).map((t) => beatIndex(base, t)))
    expect(atT2.counts).toBe(beatIndex(base, T2) - lastBefore - 8)
    expectConsistent(both)
  })

  it('rejects a time after the song or far from any beat (422)', () => {
    const status = (f: () => unknown) => { try { f(); return 0 } catch (e) { return (e as AppError).status } }
    expect(status(() => adjustAnalysis(base, { kind: 'count-one-from', time: base.durationSeconds + 5 }))).toBe(422)
    const lead = generateAnalysis({ seed: 22, bpm: 120, leadInSeconds: 6 })
    expect(status(() => adjustAnalysis(lead, { kind: 'count-one-from', time: 1 }))).toBe(422)
  })

  it('a choreography built afterwards starts its moves after T on the corrected grid', () => {
    const bp = buildBlueprint({
      analysis: fixed, params: ChoreographyParamsSchema.parse({ durationSeconds: 600 }), library: demoLibrary(), seed: 3,
      song: { id: 's', storageKey: 'songs/s.mp3' },
    })
    const after = bp.moves.filter((m) => m.songStart > T)
    expect(after.length).toBeGreaterThan(3)
    for (const m of after) expect(fixed.countOne.some((t) => Math.abs(t - m.songStart) < 1e-3)).toBe(true)
    const oldPhase = new Set(base.countOne.filter((t) => t > T))
    expect(after.some((m) => oldPhase.has(m.songStart))).toBe(false)
  })
})

describe("break: 'this is a pausa'", () => {
  it('adds the span to the breaks (sorted, merged) and the beat after it starts a new 8-count', () => {
    const i = countOneAt(base, 9)
    const start = base.beats[i + 1]
    const end = base.beats[i + 6] // the band is back 2 beats early: a 6-count phrase
    const a = adjustAnalysis(base, { kind: 'break', start, end })
    expect(a.breaks).toContainEqual({ start, end })
    expect(a.breaks.map((b) => b.start)).toEqual([...a.breaks.map((b) => b.start)].sort((x, y) => x - y))
    expect(a.countOne).toContain(end)
    expect(a.countOne).toContain(base.beats[i + 14])
    expect(a.irregularities).toEqual([{ time: end, kind: 'break', counts: -2 }])
    expect(a.countOne.filter((t) => t < end)).toEqual(base.countOne.filter((t) => t < end))
    expectConsistent(a)

    const merged = adjustAnalysis(a, { kind: 'break', start: start - 1, end: start + 0.2 })
    expect(merged.breaks.filter((b) => b.start < end && b.end > start - 1)).toEqual([{ start: start - 1, end }])
  })

  it('a pausa that ends on a count one changes no count', () => {
    const i = countOneAt(base, 12)
    const a = adjustAnalysis(base, { kind: 'break', start: base.beats[i - 4], end: base.beats[i] })
    expect(a.countOne).toEqual(base.countOne)
    expect(a.irregularities).toEqual([])
    expect(a.breaks.length).toBe(base.breaks.length + 1)
  })

  it('end must be after start', () => {
    expect(AnalysisAdjustmentSchema.safeParse({ kind: 'break', start: 10, end: 10 }).success).toBe(false)
    expect(AnalysisAdjustmentSchema.safeParse({ kind: 'break', start: 10, end: 12 }).success).toBe(true)
  })
})

describe('corrections as data', () => {
  const list = [
    { kind: 'tempo', factor: 0.5 }, { kind: 'tempo', factor: 2 }, { kind: 'shift', beats: 1 },
    { kind: 'count-one-from', time: 30 }, { kind: 'break', start: 40, end: 42.5 }, { kind: 'relabel', sectionIndex: 1, label: 'mambo' },
  ] as const

  it('re-applied on a fresh analysis of the same audio, they give the same result', () => {
    const spec = { ...DEMO_SONG_SPECS[0], name: 'corrections-tiny', form: DEMO_SONG_SPECS[0].form.slice(0, 4) }
    const song = generateDemoSong(spec)
    const first = analyzePcm(song.pcm, song.sampleRate)
    const sequential = list.reduce<SongAnalysis>((a, c) => adjustAnalysis(a, c), first)
    const reanalysed = analyzePcm(song.pcm, song.sampleRate)
    expect(applyCorrections(reanalysed, list)).toEqual(sequential)
    expect(sequential.countOne).not.toEqual(first.countOne)
  })

  it('one that no longer fits is skipped with a warning, the rest still apply', () => {
    const a = applyCorrections(base, [{ kind: 'relabel', sectionIndex: 400, label: 'mambo' }, { kind: 'count-one-from', time: 30 }])
    expect(a.warnings.join(' ')).toMatch(/Correction 1 \(relabel\) no longer fits/)
    expect(a.irregularities.some((r) => r.kind === 'restart' || r.counts === 0)).toBe(a.countOne.join() !== base.countOne.join())
  })

  it('the list is bounded and a reset is its own request', () => {
    expect(AnalysisCorrectionsSchema.safeParse(Array(50).fill({ kind: 'shift', beats: 1 })).success).toBe(true)
    expect(AnalysisCorrectionsSchema.safeParse(Array(51).fill({ kind: 'shift', beats: 1 })).success).toBe(false)
    expect(AnalysisPatchSchema.safeParse({ reset: true }).success).toBe(true)
    expect(AnalysisPatchSchema.safeParse({ reset: false }).success).toBe(false)
    expect(AnalysisPatchSchema.safeParse({ kind: 'count-one-from', time: -1 }).success).toBe(false)
  })
})

describe('tempo corrections are bounded', () => {
  it('refuse to leave 60–220 BPM, so repeated doubling cannot grow the beats without end', () => {
    const spec = { ...DEMO_SONG_SPECS[0], name: 'corrections-bounds', form: DEMO_SONG_SPECS[0].form.slice(0, 3) }
    const song = generateDemoSong(spec)
    const a = analyzePcm(song.pcm, song.sampleRate) // about 128 BPM
    expect(() => adjustAnalysis(a, { kind: 'tempo', factor: 2 })).toThrow(/between 60 and 220/)
    const half = adjustAnalysis(a, { kind: 'tempo', factor: 0.5 })
    expect(() => adjustAnalysis(half, { kind: 'tempo', factor: 0.5 })).toThrow(/between 60 and 220/)
    // Applied as stored data, a refused one is skipped with a warning, not a failed read.
    const applied = applyCorrections(a, [{ kind: 'tempo', factor: 2 }, { kind: 'tempo', factor: 2 }])
    expect(applied.beats).toEqual(a.beats)
    expect(applied.warnings.filter((w) => /no longer fits/.test(w))).toHaveLength(2)
  })
})
