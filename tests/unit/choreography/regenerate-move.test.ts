import { movesOf } from '@/lib/engines/choreography/blueprint-schema'
import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/shared/errors'
import { sameState } from '@/lib/engines/dance/vocabulary'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { regenerateMove } from '@/lib/engines/choreography/regenerate-move'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { blueprintViolations } from './invariants'

const song = { id: 'song-3', storageKey: 'songs/song-3.mp3' }
const analysis = generateAnalysis({ seed: 31, bpm: 126, driftPct: 2, jitterMs: 6, pickupBeats: 1 })
const library = demoLibrary()
const bp = buildBlueprint({ analysis, params: { difficulty: 'intermediate', durationSeconds: 150 }, library, seed: 5, song })

describe('regenerateMove', () => {
  it('changes exactly one move, keeps it legal with its neighbours, and keeps every invariant', () => {
    let changed = 0
    for (const index of [0, 1, Math.floor(movesOf(bp).length / 2), movesOf(bp).length - 1]) {
      let next
      try {
        next = regenerateMove(bp, index, { analysis, library, seed: 99 })
      } catch (e) {
        // A slot may have no alternative (a 32-count figure between two fixed holds): that is a 422, never a crash.
        expect((e as AppError).status).toBe(422)
        continue
      }
      changed++
      const diff = movesOf(next).map((m, i) => JSON.stringify(m) !== JSON.stringify(movesOf(bp)[i]))
      expect(diff.filter(Boolean)).toHaveLength(1)
      expect(diff[index]).toBe(true)
      const m = movesOf(next)[index]
      expect(m.moveId).not.toBe(movesOf(bp)[index].moveId)
      expect(m.songStart).toBe(movesOf(bp)[index].songStart)
      expect(m.songEnd).toBe(movesOf(bp)[index].songEnd)
      if (index > 0) expect(sameState(movesOf(next)[index - 1].exit, m.entry)).toBe(true)
      if (index < movesOf(next).length - 1) expect(sameState(m.exit, movesOf(next)[index + 1].entry)).toBe(true)
      expect(blueprintViolations(next, analysis, next.params, library)).toEqual([])
    }
    expect(changed).toBeGreaterThanOrEqual(3)
  })

  it('is deterministic for a seed and other seeds can pick other moves', () => {
    const i = 2
    const a = regenerateMove(bp, i, { analysis, library, seed: 1 })
    expect(regenerateMove(bp, i, { analysis, library, seed: 1 })).toEqual(a)
    const picks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => movesOf(regenerateMove(bp, i, { analysis, library, seed }))[i].moveId))
    expect(picks.size).toBeGreaterThan(1)
  })

  it('rejects a bad index, a blueprint from another analysis, and an impossible replacement', () => {
    const status = (fn: () => unknown) => {
      try { fn() } catch (e) { return (e as AppError).status }
      return 200
    }
    expect(status(() => regenerateMove(bp, bp.moves.length, { analysis, library, seed: 1 }))).toBe(404)
    expect(status(() => regenerateMove(bp, -1, { analysis, library, seed: 1 }))).toBe(404)
    const other = generateAnalysis({ seed: 32, bpm: 140 })
    expect(status(() => regenerateMove(bp, 1, { analysis: other, library, seed: 1 }))).toBe(409)
    // A library holding only the current move has nothing else to offer.
    const itself = library.filter((m) => m.id === movesOf(bp)[1].moveId)
    expect(status(() => regenerateMove(bp, 1, { analysis, library: itself, seed: 1 }))).toBe(422)
    expect(status(() => regenerateMove({ ...bp, version: 4 as 3 }, 1, { analysis, library, seed: 1 }))).toBe(422)
  })
})
