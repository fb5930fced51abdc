import { beforeAll, describe, expect, it } from 'vitest'
import { ensureWordVectors } from '@/scripts/lib/compact-word-vectors'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { movesOf } from '@/lib/engines/choreography/blueprint-schema'
import { regenerateMove } from '@/lib/engines/choreography/regenerate-move'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import { FAMILIES } from '@/lib/engines/dance/vocabulary'
import { MoveIndex } from '@/lib/engines/search/move-index'
import { embedMoves } from '@/lib/engines/search/move-vector'
import { RETRIEVAL_BUDGET, retrieveForRequest, requestSearchText } from '@/lib/engines/search/retrieve-for-request'
import { WordVectorEmbedder } from '@/lib/engines/search/word-vector-embedder'
import { parseRequestOffline } from '@/lib/engines/request'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { generatedLibrary, generatedMoves } from '@/tests/fixtures/choreography/generated-library'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { requestFitAblation } from '@/tests/fixtures/choreography/request-fit-ablation'
import { HELD_OUT_REQUESTS } from './held-out-requests'
import { blueprintViolations } from './invariants'

const song = { id: 'song', storageKey: 'songs/song.mp3' }
const SONGS = [
  generateAnalysis({ seed: 21, bpm: 118, jitterMs: 6 }),
  generateAnalysis({ seed: 22, bpm: 130, jitterMs: 6, midBreaks: [10] }),
  generateAnalysis({ seed: 23, bpm: 142, jitterMs: 6 }),
]
const params = (p: Parameters<typeof ChoreographyParamsSchema.parse>[0]) => ChoreographyParamsSchema.parse(p)
let embedder: WordVectorEmbedder
let small: MoveIndex
/** Above the graph threshold: candidates come from HNSW walks, not from every move. */
let large: MoveIndex
const LARGE = 6000
const largeLibrary = generatedLibrary(LARGE)

async function indexOf(moves: ReturnType<typeof demoCatalog>) {
  const vectors = await embedMoves(moves, embedder)
  const index = new MoveIndex({ embedderId: embedder.id, dims: vectors[0].dims })
  moves.forEach((m, i) => index.upsert(m, vectors[i]))
  return index
}

beforeAll(async () => {
  embedder = await WordVectorEmbedder.load(await ensureWordVectors())
  small = await indexOf(demoCatalog())
  large = await indexOf(generatedMoves(LARGE))
}, 300_000)

describe('retrieval in the choreography loop', () => {
  it('request fit on the held-out requests drops when retrieval is switched off', async () => {
    const r = await requestFitAblation({ requests: HELD_OUT_REQUESTS, songs: SONGS, seeds: [1, 2], library: demoLibrary(), index: small, embedder })
    console.info(`held-out request fit (${HELD_OUT_REQUESTS.length} requests × ${SONGS.length} songs × 2 seeds): retrieval on ${r.on.toFixed(3)}, off ${r.off.toFixed(3)}`)
    for (const p of r.perRequest) console.info(`  on ${p.on.toFixed(3)} off ${p.off.toFixed(3)}  ${p.text}`)
    expect(r.on).toBeGreaterThan(r.off)
  }, 120_000)

  it('searches with what the request wants, never with what it refuses', () => {
    const p = parseRequestOffline('romantic turns for beginners, no hammerlock, no wraps, something for our anniversary')
    const text = requestSearchText(p)
    expect(text).toMatch(/turn/)
    expect(text).toMatch(/romantic/)
    expect(text).toMatch(/beginner/)
    expect(text).not.toMatch(/hammerlock|cuddle|wrap/)
  })

  it('keeps each chosen move\'s search score parts in its why, and says how it fits the request', async () => {
    const p = params({ query: 'let it flow through the spine', style: 'sensual' })
    const found = await retrieveForRequest(small, embedder, p, { songBpm: SONGS[0].bpm })
    expect(found.exact).toBe(true)
    const bp = buildBlueprint({ analysis: SONGS[0], params: p, seed: 3, library: demoLibrary(), retrieval: found, song })
    const chosen = movesOf(bp).filter((m) => !m.connector)
    for (const m of chosen) {
      const s = found.scores[m.moveId]
      expect(m.why.scoreParts).toMatchObject({
        semantic: expect.closeTo(s.semantic, 3), attributes: expect.closeTo(s.attributes, 3), lexical: expect.closeTo(s.lexical, 3),
      })
    }
    expect(chosen.some((m) => /for the request: .*(meaning|fits|matches|tagged|labelled)/i.test(m.why.reason))).toBe(true)
  })

  it('honours explicit excludes as hard constraints in the search and the engine', async () => {
    const p = params({ query: 'tuck her hand into the small of her back', excludeFamilies: ['hammerlock'], excludeHolds: ['cuddle'] })
    for (const index of [small, large]) {
      const found = await retrieveForRequest(index, embedder, p, { songBpm: 128 })
      const byId = new Map([...largeLibrary].map((m) => [m.id, m]))
      for (const id of found.candidates) {
        const m = byId.get(id)!
        expect(m.family).not.toBe('hammerlock')
        expect([m.entry.hold, m.exit.hold]).not.toContain('cuddle')
      }
    }
  })

  it('at scale: a bounded candidate set from the HNSW index that still builds legal choreographies', async () => {
    expect(large.usesGraph).toBe(true)
    const requests = [
      params({ difficulty: 'beginner', moods: ['romantic'], query: 'something tender for our anniversary' }),
      params({ style: 'traditional', energy: 'high', includeFamilies: ['footwork'], includeMoves: ['Madrid'] }),
      params({ difficulty: 'advanced', excludeFamilies: ['basic'], query: 'impress the judges' }),
    ]
    const byId = new Map(largeLibrary.map((m) => [m.id, m]))
    const B = RETRIEVAL_BUDGET
    for (const p of requests) {
      for (const analysis of SONGS) {
        const found = await retrieveForRequest(large, embedder, p, { songBpm: analysis.bpm })
        expect(found.exact).toBe(false)
        expect(found.candidates.length).toBeLessThanOrEqual(B.POOL + FAMILIES.length * B.PER_FAMILY + B.BASICS + B.OFF_TEMPO + B.PER_NAME * p.includeMoves.length)
        const library = found.candidates.map((id) => byId.get(id)!)
        // Every family the request allows is there, and connectors (8-count basics) unless basics are excluded.
        for (const f of FAMILIES) if (!p.excludeFamilies.includes(f)) expect(library.some((m) => m.family === f), f).toBe(true)
        if (!p.excludeFamilies.includes('basic')) expect(library.filter((m) => m.family === 'basic' && m.counts === 8).length).toBeGreaterThan(20)
        if (p.includeMoves.length) expect(library.some((m) => m.id === 'madrid')).toBe(true)
        const bp = buildBlueprint({ analysis, params: p, seed: 5, library, retrieval: found, song })
        expect(blueprintViolations(bp, analysis, p, library), requestSearchText(p)).toEqual([])
      }
    }
  }, 120_000)

  it('regenerating one move scores the replacement with the same retrieval', async () => {
    const p = params({ query: 'our feet have to fly', style: 'traditional' })
    const found = await retrieveForRequest(small, embedder, p, { songBpm: SONGS[2].bpm })
    const bp = buildBlueprint({ analysis: SONGS[2], params: p, seed: 8, library: demoLibrary(), retrieval: found, song })
    const i = bp.moves.findIndex((m) => m.kind === 'move' && !m.connector && m.counts === 8)
    const next = regenerateMove(bp, i, { analysis: SONGS[2], library: demoLibrary(), retrieval: found, seed: 4 })
    const replaced = next.moves[i]
    expect(replaced.kind === 'move' && replaced.moveId).not.toBe((bp.moves[i] as { moveId: string }).moveId)
    expect(replaced.why.scoreParts.retrieval).toBeCloseTo(found.scores[(replaced as { moveId: string }).moveId].score, 3)
  })
})
