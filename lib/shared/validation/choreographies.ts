import { z } from 'zod'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import { PaginationSchema } from './pagination'

/** Explicit params override what the parser read from the text, field by field — so here
 * the fields have no defaults: an absent field must not overwrite what the text said. */
const shape = ChoreographyParamsSchema.omit({ parser: true, warnings: true }).shape
export const ExplicitParamsSchema = z
  .object(
    Object.fromEntries(
      Object.entries(shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? v.unwrap() : v).optional()]),
    ) as unknown as { [K in keyof typeof shape]: z.ZodOptional<z.ZodType<z.output<(typeof shape)[K]>>> },
  )
  .strict()

export const CreateChoreographySchema = z
  .object({
    songId: z.string().min(1).max(64),
    request: z.string().trim().max(500).optional(),
    params: ExplicitParamsSchema.optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    overlays: z.object({ counts: z.boolean().optional(), moveNames: z.boolean().optional() }).strict().optional(),
  })
  .strict()
  .refine((v) => (v.request && v.request.length > 0) || v.params, { message: 'give a request text or params', path: ['request'] })

export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'Idempotency-Key must be 8–128 characters of [A-Za-z0-9_.:-]')

export const CHOREOGRAPHY_SORTS = ['newest', 'oldest', 'song'] as const

export const ChoreographyListQuerySchema = PaginationSchema.extend({
  status: z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']).optional(),
  songId: z.string().min(1).max(64).optional(),
  // An empty search box submits q=: that is no search, not a search for nothing.
  q: z.string().trim().max(100).optional().transform((v) => v || undefined),
  /** newest / oldest by creation; song: by song title, newest first within a song. */
  sort: z.enum(CHOREOGRAPHY_SORTS).default('newest'),
})

export type ChoreographyListQuery = z.output<typeof ChoreographyListQuerySchema>

export const MoveIndexParamsSchema = z.object({ id: z.string().min(1).max(64), index: z.coerce.number().int().min(0).max(1000) })

export const ParseRequestSchema = z.object({ text: z.string().trim().min(1, 'write what you want').max(500) }).strict()

/** 24 random bytes, base64url: exactly 32 characters. */
export const ShareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/)
export const ShareTokenParamsSchema = z.object({ token: z.string().max(64) })
export const ShareLinkParamsSchema = z.object({ id: z.string().min(1).max(64), linkId: z.string().min(1).max(64) })
export const CreateShareLinkSchema = z.object({ expiresInDays: z.number().int().min(1).max(365).nullable().optional() }).strict()
