import hnswlib from 'hnswlib-node'
import { dot } from './embedder'

export interface VectorStoreOptions {
  dims: number
  /** Below this many vectors search is exact (a linear scan beats a graph at this size). */
  exactThreshold?: number
  m?: number
  efConstruction?: number
  /** Fixed search breadth; by default it grows with the index (efForSize). */
  efSearch?: number
  seed?: number
}

export interface VectorHit { id: string; similarity: number }

/**
 * Default search breadth with M=32 (bench/search.bench.ts, real-like 105-d vectors):
 * ef 128 gives recall@10 0.995 at 10k but 0.970 at 100k; ef 256 gives 0.991 at 100k with
 * p99 under 1 ms.
 */
export function efForSize(size: number): number {
  return size < 20_000 ? 128 : 256
}

/**
 * Unit vectors by string id with inner-product search: exact below `exactThreshold`,
 * HNSW (hnswlib-node) above it. Upserts and removals apply at once; a removed id is never
 * returned, even by the graph, because every hit is checked against the live map.
 */
export class VectorStore {
  readonly dims: number
  private readonly vectors = new Map<string, Float32Array>()
  private readonly labels = new Map<string, number>()
  private readonly ids = new Map<number, string>()
  private graph: hnswlib.HierarchicalNSW | null = null
  private nextLabel = 0
  private deleted = 0
  private readonly opts: Required<VectorStoreOptions>
  private fixedEf: number | null

  constructor(opts: VectorStoreOptions) {
    this.opts = { exactThreshold: 2000, m: 32, efConstruction: 200, efSearch: 0, seed: 42, ...opts }
    this.dims = opts.dims
    this.fixedEf = opts.efSearch ?? null
  }

  get size(): number { return this.vectors.size }
  get usesGraph(): boolean { return this.graph !== null }
  has(id: string): boolean { return this.vectors.has(id) }
  get(id: string): Float32Array | undefined { return this.vectors.get(id) }
  keys(): IterableIterator<string> { return this.vectors.keys() }

  /** Search breadth in use: higher = better recall, slower queries. */
  get efSearch(): number { return this.fixedEf ?? efForSize(this.vectors.size) }

  /** Fixes the search breadth; null returns to the size-based default. */
  setEfSearch(ef: number | null): void {
    this.fixedEf = ef === null ? null : Math.max(1, Math.floor(ef))
  }

  upsert(id: string, vector: Float32Array): void {
    if (vector.length !== this.dims) throw new Error(`vector for ${id} has ${vector.length} dims, expected ${this.dims}`)
    this.vectors.set(id, vector)
    if (this.graph) this.addToGraph(id, vector)
    else if (this.vectors.size >= this.opts.exactThreshold) this.buildGraph()
  }

  remove(id: string): boolean {
    if (!this.vectors.delete(id)) return false
    const label = this.labels.get(id)
    if (this.graph && label !== undefined) {
      this.graph.markDelete(label)
      this.deleted++
    }
    if (label !== undefined) {
      this.labels.delete(id)
      this.ids.delete(label)
    }
    return true
  }

  /** Top k by inner product; `accept` filters ids before they count towards k. */
  search(query: Float32Array, k: number, accept?: (id: string) => boolean): VectorHit[] {
    if (k <= 0 || this.vectors.size === 0) return []
    if (!this.graph) return this.exact(query, k, accept)
    this.graph.setEf(Math.max(this.efSearch, k))
    // Deleted labels are already skipped by hnswlib (markDelete); a JS filter is only passed
    // when the caller filters, because calling back into JS per visited node costs ~2x.
    const filter = accept
      ? (label: number) => { const id = this.ids.get(label); return id !== undefined && accept(id) }
      : undefined
    const { neighbors, distances } = this.graph.searchKnn(Array.from(query), Math.min(k, this.vectors.size), filter)
    const hits: VectorHit[] = []
    neighbors.forEach((label, i) => {
      const id = this.ids.get(label)
      if (id !== undefined && this.vectors.has(id)) hits.push({ id, similarity: 1 - distances[i] })
    })
    return hits
  }

  /** Exact search regardless of size: the ground truth for recall measurements. */
  exact(query: Float32Array, k: number, accept?: (id: string) => boolean): VectorHit[] {
    const hits: VectorHit[] = []
    for (const [id, v] of this.vectors) {
      if (!accept || accept(id)) hits.push({ id, similarity: dot(query, v) })
    }
    hits.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1))
    return hits.slice(0, k)
  }

  private buildGraph(): void {
    const capacity = Math.max(1024, this.vectors.size * 2)
    this.graph = new hnswlib.HierarchicalNSW('ip', this.dims)
    this.graph.initIndex(capacity, this.opts.m, this.opts.efConstruction, this.opts.seed, true)
    this.labels.clear()
    this.ids.clear()
    this.nextLabel = 0
    this.deleted = 0
    for (const [id, v] of this.vectors) this.addToGraph(id, v)
  }

  private addToGraph(id: string, vector: Float32Array): void {
    const graph = this.graph!
    const existing = this.labels.get(id)
    if (existing !== undefined) {
      graph.addPoint(Array.from(vector), existing) // same label: hnswlib updates the point in place
      return
    }
    const reuse = this.deleted > 0
    if (!reuse && graph.getCurrentCount() >= graph.getMaxElements()) graph.resizeIndex(graph.getMaxElements() * 2)
    const label = this.nextLabel++
    graph.addPoint(Array.from(vector), label, reuse)
    if (reuse) this.deleted--
    this.labels.set(id, label)
    this.ids.set(label, id)
  }
}
