import { describe, expect, it } from 'vitest'
import { MoveAnnotationSchema } from '@/lib/engines/dance/move-annotation'
import { findTransitionGaps, HOME_STATE } from '@/lib/engines/dance/check-transitions'
import { demoCatalog, demoSubset } from '@/scripts/demo/library/demo-catalog'
import { FAMILIES, sameState } from '@/lib/engines/dance/vocabulary'

describe('demo catalog', () => {
  const all = demoCatalog()

  it('holds ~150 valid annotations with unique ids across all 16 families', () => {
    expect(all.length).toBeGreaterThanOrEqual(140)
    expect(all.length).toBeLessThanOrEqual(170)
    for (const m of all) expect(MoveAnnotationSchema.safeParse(m).success).toBe(true)
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length)
    expect(new Set(all.map((m) => m.family))).toEqual(new Set(FAMILIES))
  })

  it('is deterministic and returns copies', () => {
    const again = demoCatalog()
    expect(again).toEqual(all)
    again[0].name = 'mutated'
    expect(demoCatalog()[0].name).not.toBe('mutated')
  })

  it('keeps tempo, offsets and counts in the documented ranges', () => {
    for (const m of all) {
      expect(m.nativeBpm).toBeGreaterThanOrEqual(110)
      expect(m.nativeBpm).toBeLessThanOrEqual(150)
      expect(m.firstCountOffset).toBeGreaterThanOrEqual(0)
      expect(m.firstCountOffset).toBeLessThanOrEqual(1)
      if (m.difficulty === 'beginner') expect(m.counts).toBeLessThanOrEqual(16)
      if (m.difficulty === 'advanced') expect(m.counts).toBeGreaterThanOrEqual(16)
    }
  })

  it('has workable transitions: connectors for every state and a way home', () => {
    expect(findTransitionGaps(all)).toEqual([])
    expect(findTransitionGaps(demoSubset())).toEqual([])
  })

  it('has a same-state basic within ±12 % of any song tempo 110–150 for the main holds', () => {
    const holds = ['closed', 'two-hand-open', 'one-hand-open', 'shadow', 'hammerlock']
    for (const hold of holds) {
      const loops = all.filter((m) => m.family === 'basic' && m.entry.hold === hold && sameState(m.entry, m.exit))
      for (let songBpm = 110; songBpm <= 150; songBpm += 2) {
        expect(loops.some((m) => Math.abs(songBpm / m.nativeBpm - 1) <= 0.12), `${hold} at ${songBpm}`).toBe(true)
      }
    }
  })

  it('keeps beginner moves mostly in closed and open holds', () => {
    const beginner = all.filter((m) => m.difficulty === 'beginner')
    const simple = beginner.filter((m) => ['closed', 'two-hand-open', 'one-hand-open', 'open-closed'].includes(m.entry.hold))
    expect(simple.length / beginner.length).toBeGreaterThan(0.85)
  })

  it('contains moves people ask for by name', () => {
    const names = all.map((m) => m.name.toLowerCase())
    for (const n of ['madrid', 'hammerlock double turn', 'sensual body wave', 'side basic', 'cross body lead']) {
      expect(names).toContain(n)
    }
  })

  it('subset: 12 moves with basics, a turn, a dip, an intro and an outro', () => {
    const sub = demoSubset()
    expect(sub).toHaveLength(12)
    const fams = new Set(sub.map((m) => m.family))
    for (const f of ['basic', 'lady-turn', 'dip', 'intro', 'outro']) expect(fams.has(f as never)).toBe(true)
    expect(sub.some((m) => sameState(m.entry, HOME_STATE))).toBe(true)
  })

  it('findTransitionGaps reports a state with no connector', () => {
    const orphan = { ...all[0], id: 'orphan', family: 'dip' as const, exit: { hold: 'tandem' as const, leadWeight: 'left' as const, facing: 'same-direction' as const } }
    const gaps = findTransitionGaps([...all, orphan])
    expect(gaps).toContain('no basic stays in tandem/left/same-direction')
    expect(gaps).toContain('no basic leads from tandem/left/same-direction back to closed/right/face-to-face')
  })
})
