import { z } from 'zod'
import {
  COUNTS, DanceStateSchema, DifficultySchema, EnergySchema, FamilySchema, MoodSchema,
  StyleSchema, sameState,
} from './vocabulary'

/**
 * The annotation of one clip in the move library: one source of truth for ingest, the
 * Prisma model, search and the blueprint. Strings are bounded and trimmed so hostile input
 * cannot bloat rows or logs; contradictions are rejected with field errors.
 */
const text = (max: number) => z.string().trim().max(max)
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens').max(80)

export const MoveAnnotationBaseSchema = z.object({
  id: slug,
  name: text(80).min(2),
  family: FamilySchema,
  variant: text(80).default(''),
  styles: z.array(StyleSchema).min(1).max(3),
  moods: z.array(MoodSchema).max(5).default([]),
  difficulty: DifficultySchema,
  energy: EnergySchema,
  counts: z.union(COUNTS.map((c) => z.literal(c)) as unknown as [z.ZodLiteral<8>, z.ZodLiteral<16>, z.ZodLiteral<32>]),
  /** Tempo the dancers in the clip dance at. */
  nativeBpm: z.number().min(80).max(180),
  /** Seconds from the start of the clip to count 1. */
  firstCountOffset: z.number().min(0).max(10),
  entry: DanceStateSchema,
  exit: DanceStateSchema,
  leadNotes: text(1000).default(''),
  followNotes: text(1000).default(''),
  tags: z.array(text(40).min(1)).max(20).default([]),
  description: text(500).default(''),
  loopable: z.boolean().default(false),
})

export const MoveAnnotationSchema = MoveAnnotationBaseSchema.superRefine((a, ctx) => {
  if (a.loopable && !sameState(a.entry, a.exit)) {
    ctx.addIssue({ code: 'custom', path: ['loopable'], message: 'a loopable move must exit in the state it enters' })
  }
  if (new Set(a.styles).size !== a.styles.length) {
    ctx.addIssue({ code: 'custom', path: ['styles'], message: 'styles must not repeat' })
  }
})

export type MoveAnnotation = z.infer<typeof MoveAnnotationSchema>
