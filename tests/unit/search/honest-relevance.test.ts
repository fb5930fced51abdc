import { beforeAll, describe, expect, it } from 'vitest'
import { ensureWordVectors } from '@/scripts/lib/compact-word-vectors'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'
import { MoveIndex } from '@/lib/engines/search/move-index'
import { embedMoves } from '@/lib/engines/search/move-vector'
import { WordVectorEmbedder } from '@/lib/engines/search/word-vector-embedder'
import { ablationTable } from '@/tests/fixtures/metrics/search-ablation'
import { copyCheck } from './helpers/copied-phrases'
import { HONEST_RELEVANCE_SET } from './honest-relevance'
import { RELEVANCE_SET } from './relevance'

const catalog = demoCatalog()
const check = copyCheck(catalog)
let embedder: WordVectorEmbedder
let index: MoveIndex

beforeAll(async () => {
  embedder = await WordVectorEmbedder.load(await ensureWordVectors())
  const vectors = await embedMoves(catalog, embedder)
  index = new MoveIndex({ embedderId: embedder.id, dims: vectors[0].dims })
  catalog.forEach((m, i) => index.upsert(m, vectors[i]))
}, 180_000)

describe('the honest relevance set', () => {
  it('has ≥ 40 distinct queries with grades 1–3 on real catalog moves', () => {
    expect(HONEST_RELEVANCE_SET.length).toBeGreaterThanOrEqual(40)
    expect(new Set(HONEST_RELEVANCE_SET.map((c) => c.query)).size).toBe(HONEST_RELEVANCE_SET.length)
    const known = new Set(catalog.map((m) => m.id))
    for (const c of HONEST_RELEVANCE_SET) {
      expect(Object.values(c.judged).some((g) => g === 3), c.query).toBe(true)
      for (const [id, grade] of Object.entries(c.judged)) {
        expect(known.has(id), `${c.query}: ${id}`).toBe(true)
        expect([1, 2, 3]).toContain(grade)
      }
    }
  })

  it('copies no move name, tag, description or lexicon phrase', () => {
    for (const c of HONEST_RELEVANCE_SET) expect(check.reasons(c.query), c.query).toEqual([])
  })

  it('the copy check catches copies: every query of the older set, and each kind of copy', () => {
    const flagged = RELEVANCE_SET.filter((c) => check.reasons(c.query).length > 0)
    expect(flagged.length).toBe(RELEVANCE_SET.length)
    expect(check.reasons('Madrid').join()).toMatch(/equals/)
    expect(check.reasons('show me how the hammerlock double turn goes').join()).toMatch(/move name/)
    expect(check.reasons('something slow while the requinto plays alone').join()).toMatch(/description words/)
    expect(check.reasons('a nice close embrace thing for tonight').join()).toMatch(/lexicon phrase "close embrace"/)
    expect(check.reasons('easy spin please').join()).toMatch(/mostly vocabulary/)
    expect(check.reasons('she goes round under my arm')).toEqual([])
  })
})

describe('nDCG@10 ablation (printed for the issue note)', () => {
  it('the embedding adds ≥ 0.05 on the honest set', async () => {
    const older = await ablationTable(index, embedder, RELEVANCE_SET)
    const honest = await ablationTable(index, embedder, HONEST_RELEVANCE_SET)
    console.info(`nDCG@10 older set (${RELEVANCE_SET.length} q): ${JSON.stringify(older)}`)
    console.info(`nDCG@10 honest set (${HONEST_RELEVANCE_SET.length} q): ${JSON.stringify(honest)}`)
    expect(honest.full - honest.noEmbedding).toBeGreaterThanOrEqual(0.05)
    // Names and tags are what the older set asks by: there, lexical matching carries weight.
    expect(older.noLexical).toBeLessThan(older.full)
  })
})
