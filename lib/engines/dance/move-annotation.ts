import { z } from 'zod'
import {
  COUNTS, DanceStateSchema, DifficultySchema, EnergySchema, FamilySchema, MoodSchema,
  StyleSchema, sameState, type DanceState, type Hold,
} from './vocabulary'

/**
 * The annotation of one clip in the move library: one source of truth for ingest, the
 * Prisma model, search and the blueprint. Strings are bounded and trimmed so hostile input
 * cannot bloat rows or logs; contradictions are rejected with field errors.
 */
// Control characters and bidi overrides can forge log lines or disguise text in the UI.
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/
const LINE_BREAK = /[\r\n\t]/
const text = (max: number, multiline = false) =>
  z.string().trim().max(max)
    .refine((s) => !UNSAFE_CHARS.test(s), 'must not contain control characters')
    .refine((s) => multiline || !LINE_BREAK.test(s), 'must be a single line')
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
  leadNotes: text(1000, true).default(''),
  followNotes: text(1000, true).default(''),
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
  if (new Set(a.moods).size !== a.moods.length) {
    ctx.addIssue({ code: 'custom', path: ['moods'], message: 'moods must not repeat' })
  }
  if (new Set(a.tags.map((t) => t.toLowerCase())).size !== a.tags.length) {
    ctx.addIssue({ code: 'custom', path: ['tags'], message: 'tags must not repeat' })
  }
  for (const side of ['entry', 'exit'] as const) {
    const expected = facingOf(a[side].hold)
    if (a[side].facing !== expected) {
      ctx.addIssue({
        code: 'custom', path: [side, 'facing'],
        message: `a ${a[side].hold} hold is danced ${expected}, not ${a[side].facing}`,
      })
    }
  }
  // BACHATA.md: beginner moves are 8-count moves; a 32-count combination is advanced material.
  if (a.difficulty === 'beginner' && a.counts === 32) {
    ctx.addIssue({ code: 'custom', path: ['counts'], message: 'a beginner move cannot span 32 counts' })
  }
  if (a.family === 'bolero' && a.energy === 'high') {
    ctx.addIssue({ code: 'custom', path: ['energy'], message: 'bolero is a slow family: energy cannot be high' })
  }
})

/** The facing a hold implies: shadow and tandem face the same way, wraps stand side by side. */
export function facingOf(hold: Hold): DanceState['facing'] {
  if (hold === 'shadow' || hold === 'tandem') return 'same-direction'
  if (hold === 'cuddle' || hold === 'side-by-side') return 'side-by-side'
  return 'face-to-face'
}

export type MoveAnnotation = z.infer<typeof MoveAnnotationSchema>
