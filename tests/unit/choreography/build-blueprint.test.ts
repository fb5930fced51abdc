import { movesOf } from '@/lib/engines/choreography/blueprint-schema'
import { describe, expect, it } from 'vitest'
import { ChoreographyParamsSchema, type ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { DIFFICULTY_RANK, ENERGY_RANK } from '@/lib/engines/dance/vocabulary'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { isPoseMove, type LibraryMove } from '@/lib/engines/choreography/library-move'
import { DEFAULT_LAYOUT, generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { fixtureLibrary } from '@/tests/fixtures/choreography/fixture-library'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { blueprintViolations, movesOnBreaks } from './invariants'

const song = { id: 'song-1', storageKey: 'songs/song-1.mp3' }
const params = (p: Partial<ChoreographyParams> = {}) => ChoreographyParamsSchema.parse(p)
const SONGS = [
  generateAnalysis({ seed: 11, bpm: 108, driftPct: 3, jitterMs: 10, leadInSeconds: 4, pickupBeats: 2 }),
  generateAnalysis({ seed: 12, bpm: 124, driftPct: -2, wobblePct: 1, jitterMs: 6, pickupBeats: 5 }),
  generateAnalysis({ seed: 13, bpm: 138, driftPct: 2, jitterMs: 12, leadInSeconds: 1.5, midBreaks: [14] }),
  generateAnalysis({ seed: 14, bpm: 150, driftPct: -3, jitterMs: 8, pickupBeats: 7, tailBeats: 6 }),
]
const REQUESTS = [
  params({ difficulty: 'beginner', moods: ['romantic'], durationSeconds: 120, excludeFamilies: ['dip'] }),
  params({ difficulty: 'intermediate', style: 'sensual', emphasis: [{ family: 'body-wave', direction: 'more', count: null }] }),
  params({ difficulty: 'advanced', energy: 'high', style: 'traditional', includeFamilies: ['footwork'], durationSeconds: 90 }),
  params({ style: 'moderna', excludeFamilies: ['hammerlock', 'shadow', 'spin'], emphasis: [{ family: 'lady-turn', direction: 'more', count: 3 }] }),
]
const LIBRARIES: [string, LibraryMove[]][] = [['fixture', fixtureLibrary()], ['demo', demoLibrary()]]
const build = (i: { analysis?: typeof SONGS[0]; p?: ChoreographyParams; library?: LibraryMove[]; seed?: number }) =>
  buildBlueprint({ analysis: i.analysis ?? SONGS[1], params: i.p ?? params(), library: i.library ?? LIBRARIES[1][1], seed: i.seed ?? 7, song })

describe('buildBlueprint acceptance on generated songs', () => {
  for (const [libName, library] of LIBRARIES) {
    it(`meets every invariant on 4 songs × 4 requests with the ${libName} library`, () => {
      let moves = 0
      let connectors = 0
      for (const [si, analysis] of SONGS.entries()) {
        for (const [ri, p] of REQUESTS.entries()) {
          const bp = buildBlueprint({ analysis, params: p, library, seed: si * 10 + ri, song })
          expect(blueprintViolations(bp, analysis, p, library), `song ${si} request ${ri}`).toEqual([])
          moves += movesOf(bp).length
          connectors += movesOf(bp).filter((m) => m.connector).length
        }
      }
      expect(moves).toBeGreaterThan(200)
      expect(connectors).toBeGreaterThan(0)
    })
  }

  it('starts every move exactly on a count-one and gives it whole 8-counts', () => {
    const analysis = SONGS[2]
    const bp = build({ analysis })
    const ones = new Set(analysis.countOne)
    for (const m of movesOf(bp)) {
      expect(ones.has(m.songStart)).toBe(true)
      expect(m.counts % 8).toBe(0)
      expect(m.beatTimes).toHaveLength(m.counts + 1)
      expect(ones.has(m.songEnd) || m === movesOf(bp)[movesOf(bp).length - 1]).toBe(true)
    }
  })

  it('covers the requested duration within one phrase, from the first count-one', () => {
    for (const d of [30, 60, 95, 120, 150]) {
      const bp = build({ p: params({ durationSeconds: d }) })
      const phrase = (SONGS[1].phrases[0].end - SONGS[1].phrases[0].start)
      expect(bp.start).toBe(SONGS[1].countOne[0])
      expect(Math.abs(bp.end - bp.start - d)).toBeLessThanOrEqual(phrase * 1.05)
    }
  })

  it('covers the whole song when no duration is asked, and warns when asked for more than there is', () => {
    const whole = build({})
    const last = SONGS[1].phrases[SONGS[1].phrases.length - 1]
    expect(whole.end).toBeCloseTo(last.end, 6)
    const tooLong = build({ p: params({ durationSeconds: 900 }) })
    expect(tooLong.end).toBe(whole.end)
    expect(tooLong.warnings.join(' ')).toMatch(/whole song/)
  })

  it('marks every break with a pose, freeze or dip', () => {
    // The demo catalog's poses are danced at 112–136 BPM: at 150 BPM none retimes within ±12 %.
    const cases: [LibraryMove[], typeof SONGS][] = [[LIBRARIES[0][1], SONGS], [LIBRARIES[1][1], SONGS.slice(0, 3)]]
    for (const [library, songs] of cases) {
      for (const analysis of songs) {
        for (const difficulty of ['beginner', 'intermediate', null] as const) {
          if (difficulty === 'beginner' && library === LIBRARIES[1][1]) continue // no beginner pose in the demo catalog
          const bp = build({ analysis, library, p: params({ difficulty }) })
          const onBreaks = movesOnBreaks(bp, analysis)
          expect(onBreaks.length).toBeGreaterThan(0)
          for (const m of onBreaks) expect(m && isPoseMove({ family: m.family, name: m.name, tags: [] }), m?.name).toBe(true)
        }
      }
    }
  })

  it('says so when no pose can mark a break', () => {
    const bp = build({ analysis: SONGS[3], library: LIBRARIES[1][1], p: params({ difficulty: 'intermediate' }) })
    const onBreak = movesOnBreaks(bp, SONGS[3])[0]!
    expect(isPoseMove({ family: onBreak.family, name: onBreak.name, tags: [] })).toBe(false)
    expect(bp.warnings.join(' ')).toMatch(/break at .* gets no pose/)
  })

  it('opens with an intro move and ends with an outro move', () => {
    for (const seed of [1, 2, 3]) {
      const bp = build({ seed, p: params({ difficulty: 'beginner' }) })
      expect(movesOf(bp)[0].family).toBe('intro')
      expect(movesOf(bp)[movesOf(bp).length - 1].family).toBe('outro')
      expect(movesOf(bp).slice(1, -1).some((m) => m.family === 'intro' || m.family === 'outro')).toBe(false)
    }
  })

  it('puts the highest-energy moves in the mambo and the choruses', () => {
    const rank = (ms: { energy: 'low' | 'medium' | 'high' }[]) => ms.reduce((a, m) => a + ENERGY_RANK[m.energy], 0) / ms.length
    for (const [, library] of LIBRARIES) {
      const bp = build({ library })
      const peak = movesOf(bp).filter((m) => m.section === 'mambo' || m.section === 'chorus')
      const calm = movesOf(bp).filter((m) => m.section === 'verse' || m.section === 'intro' || m.section === 'outro')
      expect(rank(peak)).toBeGreaterThan(rank(calm) + 0.3)
    }
  })

  it('warms up and cools down around a peak, never above the requested level', () => {
    const bp = build({ p: params({ difficulty: 'advanced' }), analysis: SONGS[0] })
    const d = movesOf(bp).map((m) => DIFFICULTY_RANK[m.difficulty])
    const n = d.length
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    const middle = avg(d.slice(Math.floor(n * 0.3), Math.floor(n * 0.8)))
    expect(avg(d.slice(0, Math.ceil(n * 0.12)))).toBeLessThan(middle)
    expect(avg(d.slice(Math.floor(n * 0.9)))).toBeLessThan(middle)
    expect(Math.max(...d)).toBe(2)
    const beginner = build({ p: params({ difficulty: 'beginner' }) })
    expect(movesOf(beginner).every((m) => m.difficulty === 'beginner')).toBe(true)
  })

  it('never uses an excluded family, connectors included, even when basics are excluded', () => {
    const library = demoLibrary()
    const bp = build({ library, p: params({ excludeFamilies: ['basic', 'dip'] }) })
    expect(movesOf(bp).some((m) => m.family === 'basic' || m.family === 'dip')).toBe(false)
    expect(blueprintViolations(bp, SONGS[1], params({ excludeFamilies: ['basic', 'dip'] }), library)).toEqual([])
  })

  it('honours requested moves and families and leans on emphasised ones', () => {
    const library = demoLibrary()
    // A named figure whose tempo fits this song (124 BPM), found in whatever the catalog holds today.
    const wanted = library.find((m) => m.family === 'footwork' && Math.abs(m.nativeBpm / 123 - 1) < 0.06)!
    const named = build({ library, p: params({ includeMoves: [wanted.name], includeFamilies: ['bolero'] }) })
    expect(movesOf(named).some((m) => m.moveId === wanted.id)).toBe(true)
    expect(movesOf(named).find((m) => m.moveId === wanted.id)!.why.reason).toMatch(/asked for by name/i)
    expect(movesOf(named).some((m) => m.family === 'bolero')).toBe(true)
    const turns = (p: ChoreographyParams) => movesOf(build({ library, p })).filter((m) => m.family === 'lady-turn').length
    expect(turns(params({ emphasis: [{ family: 'lady-turn', direction: 'more', count: null }] }))).toBeGreaterThan(turns(params()))
    expect(turns(params({ emphasis: [{ family: 'lady-turn', direction: 'fewer', count: null }] }))).toBeLessThan(turns(params()))
  })

  it('never repeats a move immediately and spreads the library', () => {
    const bp = build({ analysis: SONGS[3] })
    const ids = movesOf(bp).map((m) => m.moveId)
    for (let i = 1; i < ids.length; i++) expect(ids[i]).not.toBe(ids[i - 1])
    const counts = new Map<string, number>()
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
    expect(counts.size / ids.length).toBeGreaterThan(0.5)
  })

  it('dances a repeated section with the same sequence or a variation of it', () => {
    // DEFAULT_LAYOUT: section 4 repeats chorus 2, section 7 repeats it again.
    const analysis = SONGS[1]
    const starts = (bp: ReturnType<typeof build>, si: number) => {
      const s = analysis.sections[si]
      return movesOf(bp).filter((m) => m.songStart >= s.start - 1e-9 && m.songStart < s.end - 1e-9)
        .map((m) => ({ offset: m.songStart - s.start, id: m.moveId, family: m.family }))
    }
    let echoed = 0
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const bp = build({ seed, analysis })
      for (const si of [4, 7]) {
        const origin = starts(bp, DEFAULT_LAYOUT[si].repeatOf!)
        const again = starts(bp, si)
        const same = again.filter((a) => origin.some((o) => Math.abs(o.offset - a.offset) < 0.5 && (o.id === a.id || o.family === a.family)))
        if (same.length >= again.length / 2) echoed++
      }
    }
    expect(echoed).toBeGreaterThanOrEqual(8)
  })

  it('prefers clips close to the song tempo', () => {
    const bp = build({ analysis: SONGS[1] })
    const mean = movesOf(bp).reduce((a, m) => a + Math.abs(m.playbackRate - 1), 0) / movesOf(bp).length
    expect(mean).toBeLessThan(0.05)
  })

  it('records why each move was chosen', () => {
    const bp = build({})
    for (const m of movesOf(bp)) {
      expect(Object.keys(m.why.scoreParts)).toEqual(expect.arrayContaining(['tempo', 'energy', 'difficulty', 'request', 'structure', 'variety', 'total']))
      expect(m.why.reason.length).toBeGreaterThan(10)
    }
    expect(movesOf(bp)[0].why.reason).toMatch(/opens the song/i)
  })
})
