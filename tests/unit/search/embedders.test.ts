import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureWordVectors, requiredWords } from '@/scripts/lib/compact-word-vectors'
import { dot } from '@/lib/engines/search/embedder'
import { textWords as tokenizeText } from '@/lib/engines/dance/tokenize'
import { expandWithLexicon } from '@/lib/engines/search/understand-query'
import { TransformersEmbedder } from '@/lib/engines/search/transformers-embedder'
import { WordVectorEmbedder } from '@/lib/engines/search/word-vector-embedder'
import { decodeWordVectors, encodeWordVectors, readWordVectors } from '@/lib/engines/search/word-vectors-file'
import { TINY_HIDDEN, TINY_VOCAB, makeTinyBertModel, type TinyWeights } from './helpers/tiny-bert-model'

const norm = (v: Float32Array) => Math.sqrt(dot(v, v))

describe('dance lexicon and tokenizer', () => {
  it('maps dancer words onto library terms, longest phrase first', () => {
    expect(expandWithLexicon(tokenizeText('Twirl her twice'))).toEqual(['twirl', 'turn', 'her', 'twice', 'double'])
    expect(expandWithLexicon(tokenizeText('a body roll'))).toEqual(['a', 'body', 'roll', 'body', 'wave'])
    expect(expandWithLexicon(tokenizeText('vueltas, easy'))).toEqual(['vueltas', 'turn', 'easy', 'beginner'])
    expect(expandWithLexicon(tokenizeText('drop'))).toContain('dip')
    // "close" is the close hold (an embrace), not the sensual style: issue 9 pinned one meaning.
    expect(expandWithLexicon(tokenizeText('close and intimate'))).toContain('embrace')
    expect(expandWithLexicon(tokenizeText('close and intimate'))).not.toContain('sensual')
  })

  it('folds accents, drops punctuation and bounds hostile input', () => {
    expect(tokenizeText('Güira  SOLO!! <b>ok</b>')).toEqual(['guira', 'solo', 'b', 'ok', 'b'])
    expect(tokenizeText('x '.repeat(1_000_000))).toHaveLength(256)
    expect(tokenizeText('\u0000\u202e💃')).toEqual([])
  })
})

describe('compact word-vector file', () => {
  it('round-trips words, ranks and int8-quantised unit vectors', () => {
    const vectors = [Float32Array.from([3, 4, 0]), Float32Array.from([-1, 0.5, 2])]
    const decoded = decodeWordVectors(encodeWordVectors({ dims: 3, source: 't', wordsHash: 'h', sourceSize: 9 }, ['a', 'b'], [1, 7], vectors))
    expect(decoded.words).toEqual(['a', 'b'])
    expect(Array.from(decoded.ranks)).toEqual([1, 7])
    expect(decoded.data[0]).toBeCloseTo(0.6, 2)
    expect(decoded.data[1]).toBeCloseTo(0.8, 2)
    expect(decoded.data[5]).toBeCloseTo(2 / Math.sqrt(5.25), 2)
    expect(() => decodeWordVectors(Buffer.from('not a vector file'))).toThrow(/not a compact/)
  })
})

describe('WordVectorEmbedder (offline, default)', () => {
  let embedder: WordVectorEmbedder
  let file: string

  beforeAll(async () => {
    file = await ensureWordVectors() // first run on a machine: ~8 s to cut the 300 MB JSON
    embedder = await WordVectorEmbedder.load(file)
  }, 180_000)

  it('holds a general vocabulary plus every word the library needs', async () => {
    const v = await readWordVectors(file)
    expect(v.header.dims).toBe(100)
    expect(v.words.length).toBeGreaterThan(35_000)
    for (const w of ['madrid', 'hammerlock', 'bolero', 'sensual', 'twirl', 'dip']) expect(v.index.has(w), w).toBe(true)
    const present = requiredWords().filter((w) => v.index.has(w)).length
    expect(present / requiredWords().length).toBeGreaterThan(0.9)
  })

  it('returns deterministic unit vectors of the declared size', async () => {
    const [a, b] = await embedder.embed(['slow sensual body wave', 'slow sensual body wave'])
    expect(a).toHaveLength(embedder.dims)
    expect(norm(a)).toBeCloseTo(1, 5)
    expect(Array.from(a)).toEqual(Array.from(b))
    expect(embedder.id).toMatch(/^wink-sg-100d:/)
  })

  it('puts related dance phrases closer than unrelated ones', async () => {
    const [q, near, far] = await embedder.embed(['romantic slow embrace', 'intimate gentle hug', 'fast stomping footwork'])
    expect(dot(q, near)).toBeGreaterThan(dot(q, far))
  })

  it('gives unknown words a zero vector instead of noise', async () => {
    const [v] = await embedder.embed(['qzxv wqpt'])
    expect(norm(v)).toBe(0)
    expect(embedder.knownWords('qzxv wqpt')).toBe(0)
  })

  it('embeds a query well under 20 ms, even a hostile one', async () => {
    const queries = ['easy turn for beginners', 'something sensual and slow', 'x'.repeat(100_000), '💃'.repeat(500)]
    const started = performance.now()
    for (let i = 0; i < 200; i++) await embedder.embed([queries[i % queries.length]])
    expect((performance.now() - started) / 200).toBeLessThan(20)
  })
})

/** The tiny model's forward pass, recomputed by hand: what the ONNX graph must produce. */
function expectedEmbedding(w: TinyWeights, ids: number[]): Float32Array {
  const H = TINY_HIDDEN
  const pooled = new Float32Array(H)
  ids.forEach((id, p) => {
    const x = Float32Array.from({ length: H }, (_, d) => w.word[id * H + d] + w.type[d] + w.pos[p * H + d])
    const mean = x.reduce((s, v) => s + v, 0) / H
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / H + 1e-12)
    const ln = x.map((v, d) => ((v - mean) / sd) * w.gamma[d] + w.beta[d])
    for (let o = 0; o < H; o++) {
      let s = w.b[o]
      for (let d = 0; d < H; d++) s += ln[d] * w.w[d * H + o]
      pooled[o] += Math.tanh(s) / ids.length
    }
  })
  const n = norm(pooled)
  return pooled.map((v) => v / n)
}

describe('TransformersEmbedder (transformers.js code path, tiny generated model)', () => {
  const root = resolve('.data/test-cache/models')
  let weights: TinyWeights
  let embedder: TransformersEmbedder

  beforeAll(async () => {
    const model = await makeTinyBertModel(root)
    weights = model.weights
    embedder = await TransformersEmbedder.load({ modelDir: root, modelName: model.name })
  }, 120_000)

  it('loads from the local model directory and reads its size from config.json', () => {
    expect(embedder.dims).toBe(TINY_HIDDEN)
    expect(embedder.id).toBe('transformers:tiny-bert:fp32')
  })

  it('tokenises with WordPiece, runs the ONNX graph and mean-pools over the mask', async () => {
    const id = (t: string) => TINY_VOCAB.indexOf(t)
    const texts = ['Twirl her twice', 'spin', 'twirling']
    const expected = [
      [id('[CLS]'), id('twirl'), id('her'), id('twice'), id('[SEP]')],
      [id('[CLS]'), id('spin'), id('[SEP]')], // padded to 5 in the batch: the mask must hide the padding
      [id('[CLS]'), id('twirl'), id('##ing'), id('[SEP]')],
    ].map((ids) => expectedEmbedding(weights, ids))
    const got = await embedder.embed(texts)
    got.forEach((v, i) => {
      expect(norm(v)).toBeCloseTo(1, 5)
      v.forEach((x, d) => expect(x).toBeCloseTo(expected[i][d], 4))
    })
  })

  it('splits large inputs into batches with identical results', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => (i % 2 ? 'slow dip' : 'fast spin twice'))
    const all = await embedder.embed(texts)
    const [one] = await embedder.embed(['slow dip'])
    expect(all).toHaveLength(70)
    expect(Array.from(all[69])).toEqual(Array.from(one))
  })

  it('never downloads: a missing model is a clear error, and remote models stay off', async () => {
    await expect(TransformersEmbedder.load({ modelDir: root, modelName: 'Xenova/all-MiniLM-L6-v2-missing' }))
      .rejects.toThrow(/remote download is not allowed/)
    const saved = process.env.MODEL_DIR
    delete process.env.MODEL_DIR
    try {
      await expect(TransformersEmbedder.load()).rejects.toThrow(/MODEL_DIR/)
    } finally {
      if (saved !== undefined) process.env.MODEL_DIR = saved
    }
    const { env } = await import('@xenova/transformers')
    expect(env.allowRemoteModels).toBe(false)
  })
})
