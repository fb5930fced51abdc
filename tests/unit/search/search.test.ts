import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@/lib/shared/errors'
import { ensureWordVectors } from '@/scripts/lib/compact-word-vectors'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'
import { buildMoveIndex } from '@/lib/engines/search/build-move-index'
import { loadEmbedder } from '@/lib/engines/search/load-embedder'
import { MoveIndex } from '@/lib/engines/search/move-index'
import { embedMoves } from '@/lib/engines/search/move-vector'
import { ndcgAt } from '@/tests/fixtures/metrics/ndcg'
import { SEARCH_WEIGHTS, searchMoves } from '@/lib/engines/search/search-moves'
import { WordVectorEmbedder } from '@/lib/engines/search/word-vector-embedder'
import { RELEVANCE_SET } from './relevance'

const catalog = demoCatalog()
let embedder: WordVectorEmbedder
let index: MoveIndex

beforeAll(async () => {
  embedder = await WordVectorEmbedder.load(await ensureWordVectors())
  const vectors = await embedMoves(catalog, embedder)
  index = new MoveIndex({ embedderId: embedder.id, dims: vectors[0].dims })
  catalog.forEach((m, i) => index.upsert(m, vectors[i]))
}, 180_000)

const ids = (r: Awaited<ReturnType<typeof searchMoves>>) => r.hits.map((h) => h.move.id)

describe('relevance set', () => {
  it('has ≥ 40 queries judged against real catalog moves', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(40)
    const known = new Set(catalog.map((m) => m.id))
    for (const c of RELEVANCE_SET) {
      expect(Object.keys(c.judged).length, c.query).toBeGreaterThan(0)
      for (const id of Object.keys(c.judged)) expect(known.has(id), `${c.query}: ${id}`).toBe(true)
    }
  })

  it('the offline embedder reaches mean nDCG@10 ≥ 0.8', async () => {
    const scores: number[] = []
    for (const c of RELEVANCE_SET) {
      const r = await searchMoves(index, embedder, { query: c.query, filters: c.filters, boosts: c.boosts, limit: 10 })
      scores.push(ndcgAt(ids(r), c.judged))
    }
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length
    console.info(`offline nDCG@10 = ${mean.toFixed(3)} over ${scores.length} queries`)
    expect(mean).toBeGreaterThanOrEqual(0.8)
  })
})

describe('nDCG', () => {
  it('is 1 for the ideal order, lower for a worse one, 0 for nothing relevant', () => {
    const judged = { a: 3, b: 2, c: 1 }
    expect(ndcgAt(['a', 'b', 'c'], judged)).toBeCloseTo(1)
    expect(ndcgAt(['c', 'b', 'a'], judged)).toBeLessThan(1)
    expect(ndcgAt(['x', 'y'], judged)).toBe(0)
  })
})

describe('searchMoves', () => {
  it('finds moves asked for by name first', async () => {
    for (const [q, id] of [['Madrid', 'madrid'], ['hammerlock double turn', 'hammerlock-double-turn'], ['sensual body wave', 'sensual-body-wave']]) {
      expect(ids(await searchMoves(index, embedder, { query: q, limit: 3 }))[0], q).toBe(id)
    }
  })

  it('applies filters as hard constraints ("no hammerlock", nothing above beginner)', async () => {
    const r = await searchMoves(index, embedder, { query: 'hammerlock double turn', filters: { excludeFamilies: ['hammerlock'] }, limit: 50 })
    expect(r.hits.length).toBeGreaterThan(0)
    expect(r.hits.some((h) => h.move.family === 'hammerlock')).toBe(false)
    const easy = await searchMoves(index, embedder, { query: 'spins', filters: { maxDifficulty: 'beginner' }, limit: 100 })
    expect(easy.hits.every((h) => h.move.difficulty === 'beginner')).toBe(true)
    const dips = await searchMoves(index, embedder, { query: '', filters: { includeFamilies: ['dip'] }, limit: 100 })
    expect(dips.hits).toHaveLength(catalog.filter((m) => m.family === 'dip').length)
  })

  it('a query nothing relates to finds nothing; one with no content words is a filtered listing', async () => {
    expect((await searchMoves(index, embedder, { query: 'zqxjv wvkpf', limit: 100 })).hits).toEqual([])
    const filler = await searchMoves(index, embedder, { query: 'the', filters: { includeFamilies: ['dip'] }, limit: 100 })
    expect(filler.hits).toHaveLength(catalog.filter((m) => m.family === 'dip').length)
  })

  it('filters by hold on entry or exit', async () => {
    const r = await searchMoves(index, embedder, { query: 'turn', filters: { holds: ['hammerlock'] }, limit: 100 })
    expect(r.hits.length).toBeGreaterThan(0)
    expect(r.hits.every((h) => h.move.entry.hold === 'hammerlock' || h.move.exit.hold === 'hammerlock')).toBe(true)
    expect(r.hits.some((h) => h.move.entry.hold !== 'hammerlock')).toBe(true)
  })

  it('returns score parts that add up to the score', async () => {
    const r = await searchMoves(index, embedder, { query: 'easy turn', boosts: { styles: ['moderna'] }, limit: 5 })
    for (const h of r.hits) {
      const { semantic, attributes, lexical, boost } = h.parts
      const sum = SEARCH_WEIGHTS.semantic * semantic + SEARCH_WEIGHTS.attributes * attributes + SEARCH_WEIGHTS.lexical * lexical + boost
      expect(h.score).toBeCloseTo(sum, 10)
      expect(boost).toBe(h.move.styles.includes('moderna') ? 0.08 : 0)
    }
    expect(r.embedderId).toBe(embedder.id)
    expect(r.exact).toBe(true)
  })

  it('a removed (disabled) move disappears from results at once and comes back on upsert', async () => {
    const madrid = index.get('madrid')!
    index.remove('madrid')
    expect(ids(await searchMoves(index, embedder, { query: 'Madrid', limit: 100 }))).not.toContain('madrid')
    index.upsert(madrid.move, { moveId: 'madrid', embedderId: embedder.id, dims: madrid.vector.length, vector: madrid.vector })
    expect(ids(await searchMoves(index, embedder, { query: 'Madrid', limit: 1 }))).toEqual(['madrid'])
  })

  it('rejects bad input with a 422 naming the field, and survives hostile queries', async () => {
    const bad = await searchMoves(index, embedder, { query: 'x', filters: { excludeFamilies: ['salsa' as never] } }).catch((e) => e)
    expect(bad).toBeInstanceOf(AppError)
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.fields)).toContain('filters')
    const long = await searchMoves(index, embedder, { query: 'x'.repeat(501) }).catch((e) => e)
    expect(long.status).toBe(422)
    const weird = await searchMoves(index, embedder, { query: '\u0000💃 <script> ;DROP TABLE moves; \u202e', limit: 5 })
    expect(weird.hits).toHaveLength(5)
  })

  it('uses the HNSW graph above the exact threshold and still finds the right move', async () => {
    const big = new MoveIndex({ embedderId: embedder.id, dims: index.dims, exactThreshold: 100 })
    const vectors = await embedMoves(catalog, embedder)
    catalog.forEach((m, i) => big.upsert(m, vectors[i]))
    expect(big.usesGraph).toBe(true)
    const r = await searchMoves(big, embedder, { query: 'Madrid', limit: 3 })
    expect(r.exact).toBe(false)
    expect(ids(r)[0]).toBe('madrid')
    big.remove('madrid')
    expect(ids(await searchMoves(big, embedder, { query: 'Madrid', limit: 100 }))).not.toContain('madrid')
  })
})

describe('startup helpers', () => {
  it('buildMoveIndex reuses stored vectors of this embedder and re-embeds the rest', async () => {
    const stored = await embedMoves(catalog.slice(0, 10), embedder)
    const stale = { ...(await embedMoves([catalog[10]], embedder))[0], embedderId: 'some-old-embedder' }
    const { index: built, embedded } = await buildMoveIndex({ moves: catalog, embedder, stored: [...stored, stale] })
    expect(built.size).toBe(catalog.length)
    expect(embedded).toHaveLength(catalog.length - 10)
    expect(embedded.map((v) => v.moveId)).toContain(catalog[10].id)
    expect(embedded.every((v) => v.embedderId === embedder.id)).toBe(true)
  })

  it('loadEmbedder defaults to the offline embedder and falls back to it when no model is installed', async () => {
    expect((await loadEmbedder()).id).toBe(embedder.id)
    expect((await loadEmbedder({ kind: 'auto', modelDir: '/nonexistent' })).id).toBe(embedder.id)
    await expect(loadEmbedder({ kind: 'transformers', modelDir: '/nonexistent' })).rejects.toThrow(/not allowed/)
  })
})
