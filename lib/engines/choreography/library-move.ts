import { z } from 'zod'
import { MoveAnnotationBaseSchema, type MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { DIFFICULTY_RANK, ENERGY_RANK, FACINGS, FAMILIES, HOLDS } from '@/lib/engines/dance/vocabulary'
import { ClipKeySchema } from './blueprint-schema'

/**
 * A move as the engine consumes it: the annotation plus where its clip lives and how long
 * the clip is (the engine never asks for more of a clip than exists).
 */
export type LibraryMove = MoveAnnotation & { clipKey: string; durationSeconds: number; enabled?: boolean }

export const LibraryMoveSchema = MoveAnnotationBaseSchema.extend({
  clipKey: ClipKeySchema,
  durationSeconds: z.number().positive().max(600),
  enabled: z.boolean().optional(),
})

/** Words in a move's name or tags that mark a pose/freeze, the natural answer to a break. */
const POSE_WORDS = /\b(pose|poses|freeze|pausa|pause|dip)\b/i

/** A move that marks a break: a dip, or a pose/freeze (intros/outros are for the ends). */
export function isPoseMove(m: Pick<MoveAnnotation, 'family' | 'name' | 'tags'>): boolean {
  if (m.family === 'intro' || m.family === 'outro') return false
  if (m.family === 'dip') return true
  return POSE_WORDS.test(m.name) || m.tags.some((t) => POSE_WORDS.test(t))
}

/** Seconds of clip a move of `counts` counts needs at its native tempo, from count 1. */
export function clipSpanSeconds(m: Pick<MoveAnnotation, 'counts' | 'nativeBpm'>): number {
  return (m.counts * 60) / m.nativeBpm
}

const HOLD_SET = new Set<string>(HOLDS)
const FACING_SET = new Set<string>(FACINGS)
const validState = (s: unknown): boolean => {
  const x = s as { hold?: unknown; leadWeight?: unknown; facing?: unknown } | null
  return !!x && HOLD_SET.has(x.hold as string) && (x.leadWeight === 'left' || x.leadWeight === 'right') && FACING_SET.has(x.facing as string)
}

/**
 * The checks the engine relies on, without a full zod parse of every annotation on every
 * build (that alone costs ~13 ms for 150 moves). Ingest validates annotations fully.
 */
export function isUsableLibraryMove(m: LibraryMove): boolean {
  return (
    typeof m.id === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(m.id) &&
    typeof m.name === 'string' && m.name.length > 0 &&
    ClipKeySchema.safeParse(m.clipKey).success &&
    (FAMILIES as readonly string[]).includes(m.family) &&
    (m.counts === 8 || m.counts === 16 || m.counts === 32) &&
    Number.isFinite(m.nativeBpm) && m.nativeBpm >= 80 && m.nativeBpm <= 180 &&
    Number.isFinite(m.firstCountOffset) && m.firstCountOffset >= 0 &&
    Number.isFinite(m.durationSeconds) && m.durationSeconds > 0 &&
    Object.hasOwn(DIFFICULTY_RANK, m.difficulty) && Object.hasOwn(ENERGY_RANK, m.energy) &&
    Array.isArray(m.styles) && Array.isArray(m.moods) && Array.isArray(m.tags) &&
    validState(m.entry) && validState(m.exit)
  )
}
