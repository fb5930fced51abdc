import { z } from 'zod'
import { DifficultySchema, EnergySchema, FamilySchema, HoldSchema, MoodSchema, StyleSchema } from '@/lib/engines/dance/vocabulary'
import { SPAN_KINDS, SPAN_SECTIONS } from '@/lib/engines/dance/vocabulary-values'

/**
 * What the user asked for, in structured form: produced by the request parser (Gemini or
 * offline), accepted as explicit params by the API, and consumed by buildBlueprint.
 * null means "not specified: let the music and the library decide".
 */
export const EmphasisSchema = z.object({
  family: FamilySchema,
  direction: z.enum(['more', 'fewer']),
  /** An explicit quantity when the user gave one ("a couple of spins" → 2). */
  count: z.number().int().min(1).max(64).nullable().default(null),
})

/**
 * Which part of the song a requested length takes: from the first count one (`start`, the
 * default), a section of the song (`section`: "with the mambo", "just the chorus"), or its
 * most energetic stretch (`best`: "the best minute"). A break is a bar or two, never a span.
 */
export const SpanPreferenceSchema = z
  .object({
    kind: z.enum(SPAN_KINDS).default('start'),
    section: z.enum(SPAN_SECTIONS).nullable().default(null),
  })
  .refine((s) => (s.kind === 'section') === (s.section !== null), { message: 'section is required for kind "section" and only for it', path: ['section'] })

export const ChoreographyParamsSchema = z.object({
  difficulty: DifficultySchema.nullable().default(null),
  energy: EnergySchema.nullable().default(null),
  style: StyleSchema.nullable().default(null),
  moods: z.array(MoodSchema).max(5).default([]),
  /** null = the whole song. */
  durationSeconds: z.number().int().min(8).max(900).nullable().default(null),
  includeFamilies: z.array(FamilySchema).max(16).default([]),
  excludeFamilies: z.array(FamilySchema).max(16).default([]),
  /** Holds the user refuses ("no wraps" → cuddle): moves entering or leaving one are left out. */
  excludeHolds: z.array(HoldSchema).max(10).default([]),
  /** Move ids or names the user asked for by name. */
  includeMoves: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  emphasis: z.array(EmphasisSchema).max(16).default([]),
  tempo: z.enum(['slow', 'medium', 'fast']).nullable().default(null),
  /** Open the video with "5 6 7 8" on the song's four beats before the first move. */
  countIn: z.boolean().default(true),
  span: SpanPreferenceSchema.default({ kind: 'start', section: null }),
  /** Whatever the parser could not map, kept for semantic move search. */
  query: z.string().max(500).default(''),
  parser: z.enum(['gemini', 'offline', 'explicit']).default('explicit'),
  /** Human-readable notes on how ambiguities were resolved. */
  warnings: z.array(z.string().max(300)).max(20).default([]),
})

export type Emphasis = z.infer<typeof EmphasisSchema>
export type SpanPreference = z.infer<typeof SpanPreferenceSchema>
export type ChoreographyParams = z.infer<typeof ChoreographyParamsSchema>
