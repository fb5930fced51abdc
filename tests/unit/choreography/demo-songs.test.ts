import { beforeAll, describe, expect, it } from 'vitest'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { isPoseMove } from '@/lib/engines/choreography/library-move'
import { judgeBlueprint } from '@/lib/engines/judge'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { demoSongAnalyses } from '@/tests/fixtures/choreography/demo-song-analyses'
import { blueprintViolations, movesOnBreaks } from './invariants'

// Real analyses (cached in .data/) of four of lib/engines/audio's demo songs: rubato intro, fast
// Dominican, drifting sensual, slow. The first run synthesises and analyses them (~10 s).
const NAMES = ['romantica-rubato-112', 'dominicana-148', 'sensual-drift-120', 'lenta-105']
const REQUESTS = [
  ChoreographyParamsSchema.parse({ difficulty: 'beginner', moods: ['romantic'], durationSeconds: 60, excludeFamilies: ['dip'] }),
  ChoreographyParamsSchema.parse({ difficulty: 'intermediate', style: 'sensual' }),
  ChoreographyParamsSchema.parse({ difficulty: 'advanced', energy: 'high', style: 'traditional', durationSeconds: 45 }),
  ChoreographyParamsSchema.parse({ style: 'moderna', excludeFamilies: ['hammerlock', 'shadow'] }),
]

describe('blueprints on real analyses of the demo songs', () => {
  let songs: { name: string; analysis: SongAnalysis }[] = []
  beforeAll(() => { songs = demoSongAnalyses(NAMES) }, 120_000)

  it('meet every acceptance line with the demo library', () => {
    const library = demoLibrary()
    expect(songs).toHaveLength(NAMES.length)
    let seed = 0
    for (const { name, analysis } of songs) {
      for (const params of REQUESTS) {
        const bp = buildBlueprint({ analysis, params, library, seed: seed++, song: { id: name, storageKey: `songs/${name}.mp3` } })
        expect(blueprintViolations(bp, analysis, params, library), `${name} ${JSON.stringify(params.difficulty)}`).toEqual([])
        // The independent judge (lib/engines/judge) re-derives the grid and the transitions itself.
        const judged = judgeBlueprint({ blueprint: bp, analysis, library, request: params })
        expect(judged.timing.maxStartErrorMs).toBe(0)
        expect(judged.timing.wholeEightCounts).toBe(1)
        expect(judged.transitions.share).toBe(1)
        expect(judged.request.duration).toBe(1)
        for (const m of movesOnBreaks(bp, analysis)) {
          const marked = m !== undefined && isPoseMove({ family: m.family, name: m.name, tags: [] })
          expect(marked || bp.warnings.some((w) => /pose|danced through/.test(w)), `${name} break`).toBe(true)
        }
      }
    }
  })
})
