import { z } from 'zod'
import { DifficultySchema, EnergySchema, FamilySchema, HoldSchema, StyleSchema } from '@/lib/engines/dance/vocabulary'
import { PaginationSchema } from './pagination'

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).max(16))

export const MoveListQuerySchema = PaginationSchema.extend({
  q: z.string().trim().max(200).optional(),
  difficulty: list(DifficultySchema).optional(),
  maxDifficulty: DifficultySchema.optional(),
  energy: list(EnergySchema).optional(),
  style: list(StyleSchema).optional(),
  family: list(FamilySchema).optional(),
  excludeFamily: list(FamilySchema).optional(),
  /** Moves that enter or exit in one of these holds. */
  hold: list(HoldSchema).optional(),
  includeDisabled: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  /** Curators: only enabled (true) or only disabled (false) moves; unset follows includeDisabled. */
  enabled: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
})

export const MoveIdParamsSchema = z.object({ id: z.string().min(1).max(80) })

/** ?v= is the move's media version (serialize-move.ts): when it is current, the URL names fixed bytes. */
export const MoveMediaQuerySchema = z.object({ v: z.string().regex(/^[a-z0-9]{1,16}$/).optional() })
