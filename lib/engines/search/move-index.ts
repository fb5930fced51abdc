import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { lexicalTerms, nameTerms } from './lexical-match'
import { ATTRIBUTE_DIMS, moveAttributes, textPart, type MoveVector } from './move-vector'
import { VectorStore, type VectorStoreOptions } from './vector-store'

export interface IndexedMove {
  move: MoveAnnotation
  vector: Float32Array
  /** The embedder's part of the vector at unit length, for the semantic score. */
  text: Float32Array
  attributes: Float32Array
  terms: Set<string>
  name: string[]
}

/**
 * The searchable move library for one embedder: vectors (exact or HNSW, see VectorStore),
 * the annotations for filtering, and term statistics for lexical matching. Built at
 * startup from stored vectors and kept current by upsert/remove on ingest, edit and
 * disable, without a restart. Vectors from another embedder are refused: they live in a
 * different space, so the move must be re-embedded first.
 */
export class MoveIndex {
  readonly embedderId: string
  readonly dims: number
  private readonly store: VectorStore
  private readonly moves = new Map<string, IndexedMove>()
  /** Moves by family, for picks that need some of every family, not the nearest. */
  private readonly families = new Map<string, Map<string, IndexedMove>>()
  private readonly docFreq = new Map<string, number>()

  constructor(opts: { embedderId: string; dims: number } & Omit<VectorStoreOptions, 'dims'>) {
    this.embedderId = opts.embedderId
    this.dims = opts.dims
    this.store = new VectorStore(opts)
  }

  get size(): number { return this.moves.size }
  get usesGraph(): boolean { return this.store.usesGraph }
  get(id: string): IndexedMove | undefined { return this.moves.get(id) }
  has(id: string): boolean { return this.moves.has(id) }
  all(): IterableIterator<IndexedMove> { return this.moves.values() }
  /** The family's moves in insertion order. */
  inFamily(family: string): IterableIterator<IndexedMove> { return (this.families.get(family) ?? new Map<string, IndexedMove>()).values() }

  upsert(move: MoveAnnotation, vector: MoveVector): void {
    if (vector.embedderId !== this.embedderId) {
      throw new Error(`vector of ${move.id} was made by ${vector.embedderId}, this index holds ${this.embedderId}: re-embed it`)
    }
    if (vector.moveId !== move.id) throw new Error(`vector belongs to ${vector.moveId}, not ${move.id}`)
    this.forgetEntry(move.id)
    const entry: IndexedMove = {
      move, vector: vector.vector, text: textPart(vector.vector, this.dims - ATTRIBUTE_DIMS), attributes: moveAttributes(move), terms: lexicalTerms(move), name: nameTerms(move.name),
    }
    this.store.upsert(move.id, vector.vector)
    this.moves.set(move.id, entry)
    let family = this.families.get(move.family)
    if (!family) this.families.set(move.family, (family = new Map()))
    family.set(move.id, entry)
    for (const t of entry.terms) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1)
  }

  remove(id: string): boolean {
    this.forgetEntry(id)
    this.moves.delete(id)
    return this.store.remove(id)
  }

  /** Smoothed inverse document frequency; 0 for a term no move uses. */
  idf(term: string): number {
    const df = this.docFreq.get(term) ?? 0
    return df === 0 ? 0 : Math.log(1 + this.moves.size / df)
  }

  /** Nearest moves by vector; `accept` filters before ids count towards k. */
  nearest(query: Float32Array, k: number, accept?: (m: MoveAnnotation) => boolean) {
    const filter = accept ? (id: string) => { const m = this.moves.get(id); return !!m && accept(m.move) } : undefined
    return this.store.search(query, k, filter)
  }

  private forgetEntry(id: string): void {
    const old = this.moves.get(id)
    if (!old) return
    this.families.get(old.move.family)?.delete(id)
    for (const t of old.terms) {
      const n = (this.docFreq.get(t) ?? 1) - 1
      if (n > 0) this.docFreq.set(t, n)
      else this.docFreq.delete(t)
    }
  }
}
