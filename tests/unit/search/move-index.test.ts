import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeInPlace } from '@/lib/engines/search/embedder'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'
import { MoveIndex } from '@/lib/engines/search/move-index'
import { ATTRIBUTE_DIMS, moveVectorKey } from '@/lib/engines/search/move-vector'
import { VectorStore } from '@/lib/engines/search/vector-store'

/** Deterministic pseudo-random unit vectors. */
function vec(seed: number, dims: number): Float32Array {
  let s = seed * 2654435761 >>> 0
  return normalizeInPlace(Float32Array.from({ length: dims }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32 - 0.5
  }))
}

describe('VectorStore', () => {
  it('searches exactly below the threshold and switches to HNSW above it', () => {
    const store = new VectorStore({ dims: 16, exactThreshold: 100 })
    for (let i = 0; i < 99; i++) store.upsert(`v${i}`, vec(i, 16))
    expect(store.usesGraph).toBe(false)
    store.upsert('v99', vec(99, 16))
    expect(store.usesGraph).toBe(true)
    expect(store.search(vec(42, 16), 1)[0]).toMatchObject({ id: 'v42' })
  })

  it('keeps recall@10 high against exact search', () => {
    const store = new VectorStore({ dims: 32, exactThreshold: 50 })
    for (let i = 0; i < 2000; i++) store.upsert(`v${i}`, vec(i, 32))
    let found = 0
    for (let q = 0; q < 50; q++) {
      const query = vec(10_000 + q, 32)
      const truth = new Set(store.exact(query, 10).map((h) => h.id))
      found += store.search(query, 10).filter((h) => truth.has(h.id)).length
    }
    expect(found / 500).toBeGreaterThanOrEqual(0.98)
  })

  it('updates in place and never returns a removed id (exact and graph)', () => {
    for (const exactThreshold of [10_000, 5]) {
      const store = new VectorStore({ dims: 8, exactThreshold })
      for (let i = 0; i < 20; i++) store.upsert(`v${i}`, vec(i, 8))
      expect(store.remove('v3')).toBe(true)
      expect(store.remove('v3')).toBe(false)
      expect(store.search(vec(3, 8), 20).map((h) => h.id)).not.toContain('v3')
      store.upsert('v4', vec(3, 8)) // v4 now points where v3 was
      expect(store.search(vec(3, 8), 1)[0].id).toBe('v4')
      store.upsert('v3', vec(3, 8))
      expect(store.size).toBe(20)
      expect(store.search(vec(3, 8), 2).map((h) => h.id).sort()).toEqual(['v3', 'v4'])
    }
  })

  it('rejects vectors of the wrong size', () => {
    expect(() => new VectorStore({ dims: 8 }).upsert('x', new Float32Array(9))).toThrow(/9 dims, expected 8/)
  })

  it('after any sequence of upserts and removes, returns only live ids and agrees with a brute-force scan', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('upsert' as const), id: fc.integer({ min: 0, max: 40 }), seed: fc.integer({ min: 0, max: 1e6 }) }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 40 }) }),
    )
    fc.assert(fc.property(fc.array(op, { maxLength: 120 }), fc.integer({ min: 1, max: 30 }), (ops, threshold) => {
      const store = new VectorStore({ dims: 6, exactThreshold: threshold, efSearch: 64 })
      const live = new Map<string, Float32Array>()
      for (const o of ops) {
        if (o.kind === 'upsert') { const v = vec(o.seed, 6); store.upsert(`m${o.id}`, v); live.set(`m${o.id}`, v) }
        else { store.remove(`m${o.id}`); live.delete(`m${o.id}`) }
      }
      const hits = store.search(vec(7, 6), 50)
      expect(store.size).toBe(live.size)
      for (const h of hits) expect(live.has(h.id)).toBe(true)
      expect(hits.length).toBe(Math.min(50, live.size))
    }), { numRuns: 60 })
  })
})

describe('MoveIndex', () => {
  const moves = demoCatalog().slice(0, 5)
  const dims = 8 + ATTRIBUTE_DIMS
  const mv = (id: string, seed: number, embedderId = 'test-embedder') => ({ moveId: id, embedderId, dims, vector: vec(seed, dims) })

  it('refuses vectors made by another embedder or for another move', () => {
    const index = new MoveIndex({ embedderId: 'test-embedder', dims })
    expect(() => index.upsert(moves[0], mv(moves[0].id, 1, 'other-embedder'))).toThrow(/re-embed/)
    expect(() => index.upsert(moves[0], mv(moves[1].id, 1))).toThrow(/belongs to/)
  })

  it('keeps term statistics current through upsert and remove', () => {
    const index = new MoveIndex({ embedderId: 'test-embedder', dims })
    moves.forEach((m, i) => index.upsert(m, mv(m.id, i)))
    const before = index.idf('basic')
    expect(before).toBeGreaterThan(0)
    index.upsert({ ...moves[0], tags: [...moves[0].tags, 'zouk'] }, mv(moves[0].id, 0))
    expect(index.idf('zouk')).toBeGreaterThan(before)
    index.remove(moves[0].id)
    expect(index.idf('zouk')).toBe(0)
    expect(index.has(moves[0].id)).toBe(false)
    expect(index.nearest(vec(0, dims), 10).map((h) => h.id)).not.toContain(moves[0].id)
  })
})

describe('moveVectorKey', () => {
  it('changes when the text or an attribute the text does not mention changes', () => {
    const m = demoCatalog()[0]
    const key = moveVectorKey(m)
    expect(moveVectorKey({ ...m })).toBe(key)
    expect(moveVectorKey({ ...m, nativeBpm: m.nativeBpm + 10 })).not.toBe(key)
    expect(moveVectorKey({ ...m, description: `${m.description} Again.` })).not.toBe(key)
    expect(moveVectorKey({ ...m, leadNotes: 'not embedded' })).toBe(key)
  })
})

describe('MoveIndex families', () => {
  it('lists a family\'s moves, following an edit that changes the family and a removal', () => {
    const catalog = demoCatalog()
    const dims = 8 + ATTRIBUTE_DIMS
    const index = new MoveIndex({ embedderId: 'e', dims })
    catalog.forEach((m, i) => index.upsert(m, { moveId: m.id, embedderId: 'e', dims, vector: vec(i, dims) }))
    const ids = (f: string) => [...index.inFamily(f)].map((e) => e.move.id)
    expect(ids('dip').sort()).toEqual(catalog.filter((m) => m.family === 'dip').map((m) => m.id).sort())
    const madrid = catalog.find((m) => m.id === 'madrid')!
    index.upsert({ ...madrid, family: 'golpe' }, { moveId: 'madrid', embedderId: 'e', dims, vector: vec(1, dims) })
    expect(ids('footwork')).not.toContain('madrid')
    expect(ids('golpe')).toContain('madrid')
    index.remove('madrid')
    expect(ids('golpe')).not.toContain('madrid')
    expect(ids('no-such-family')).toEqual([])
  })
})
