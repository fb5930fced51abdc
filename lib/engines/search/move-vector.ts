import { createHash } from 'node:crypto'
import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { normalizeInPlace, type Embedder } from './embedder'
import { moveText } from './move-text'
import { DIFFICULTY_RANK, ENERGY_RANK, type Hold } from '@/lib/engines/dance/vocabulary'

/**
 * A move's stored vector: the embedder's text vector followed by a small attribute vector
 * (difficulty, energy, tempo, length, closeness of the hold), so nearest-neighbour search
 * already leans towards "slow and close" when the query says so. Each attribute is centred
 * on 0 ("no opinion") and spans −1…1.
 */
export const ATTRIBUTES = ['difficulty', 'energy', 'tempo', 'length', 'closeness'] as const
export type Attribute = (typeof ATTRIBUTES)[number]
export const ATTRIBUTE_DIMS = ATTRIBUTES.length
/** Share of the vector's length given to attributes; the text part keeps the rest. */
const ATTRIBUTE_WEIGHT = 0.35

/** Holds with body contact count as close (+1), arm's-length holds as open (−1). */
const CLOSENESS: Record<Hold, number> = {
  closed: 1, cuddle: 1, shadow: 1, tandem: 0.5, hammerlock: 0.5, 'open-closed': 0,
  'two-hand-open': -1, 'one-hand-open': -1, 'cross-hand': -1, 'side-by-side': -1,
}

export type AttributeSource = Pick<MoveAnnotation, 'difficulty' | 'energy' | 'nativeBpm' | 'counts' | 'entry' | 'exit'>

export function moveAttributes(m: AttributeSource): Float32Array {
  return Float32Array.from([
    DIFFICULTY_RANK[m.difficulty] - 1,
    ENERGY_RANK[m.energy] - 1,
    Math.max(-1, Math.min(1, (m.nativeBpm - 130) / 20)),
    m.counts === 8 ? -1 : m.counts === 16 ? 0 : 1,
    (CLOSENESS[m.entry.hold] + CLOSENESS[m.exit.hold]) / 2,
  ])
}

/**
 * Joins a text vector and attributes (NaN = unspecified, treated as 0) into one unit
 * vector of length text.length + ATTRIBUTE_DIMS.
 */
export function composeVector(text: Float32Array, attributes: ArrayLike<number>): Float32Array {
  const out = new Float32Array(text.length + ATTRIBUTE_DIMS)
  const t = normalizeInPlace(Float32Array.from(text))
  const textScale = Math.sqrt(1 - ATTRIBUTE_WEIGHT ** 2)
  for (let i = 0; i < t.length; i++) out[i] = t[i] * textScale
  const a = Float32Array.from({ length: ATTRIBUTE_DIMS }, (_, i) => (Number.isNaN(attributes[i]) ? 0 : attributes[i]))
  const aNorm = Math.sqrt(a.reduce((s, x) => s + x * x, 0))
  if (aNorm > 0) for (let i = 0; i < ATTRIBUTE_DIMS; i++) out[t.length + i] = (a[i] / aNorm) * ATTRIBUTE_WEIGHT
  return normalizeInPlace(out)
}

/** The text part of a composed vector, back at unit length. */
export function textPart(vector: Float32Array, textDims: number): Float32Array {
  return normalizeInPlace(vector.slice(0, textDims))
}

/** What gets stored per move: the vector and what made it, so a new embedder re-embeds. */
export interface MoveVector {
  moveId: string
  embedderId: string
  dims: number
  vector: Float32Array
}

/**
 * Everything a stored vector depends on besides the embedder id: the text and the
 * attributes. If this key changed (e.g. an edit of nativeBpm or counts, which the text does
 * not mention), the stored vector is stale.
 */
export function moveVectorKey(m: MoveAnnotation): string {
  return createHash('sha256').update(moveText(m)).update(Buffer.from(moveAttributes(m).buffer)).digest('hex').slice(0, 32)
}

export async function embedMoves(moves: MoveAnnotation[], embedder: Embedder): Promise<MoveVector[]> {
  const texts = await embedder.embed(moves.map(moveText))
  return moves.map((m, i) => {
    const vector = composeVector(texts[i], moveAttributes(m))
    return { moveId: m.id, embedderId: embedder.id, dims: vector.length, vector }
  })
}
