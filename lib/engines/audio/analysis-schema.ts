import { z } from 'zod'
import { EnergySchema, SectionLabelSchema } from '@/lib/engines/dance/vocabulary'

/**
 * The contract between music analysis and everything downstream (blueprint, UI, worker).
 * Times are seconds from the start of the audio file. Bump ANALYSIS_VERSION whenever the
 * algorithm changes results: stored analyses with an older version are recomputed.
 */
export const ANALYSIS_VERSION = 13

/**
 * Below this a confidence (0–1) is a guess worth checking by ear: the UI's "check the count
 * here", and the line the count-one benches calibrate the section confidences against.
 */
export const SURE_CONFIDENCE = 0.6

const seconds = z.number().finite().nonnegative()
const unit = z.number().finite().min(0).max(1)

export const PhraseSchema = z.object({
  index: z.number().int().nonnegative(),
  start: seconds,
  end: seconds,
  /** 0–1, relative to the song. */
  energy: unit,
  section: SectionLabelSchema,
  sectionIndex: z.number().int().nonnegative(),
})

export const SectionSchema = z.object({
  label: SectionLabelSchema,
  start: seconds,
  end: seconds,
  energy: unit,
  /** Index of an earlier section this one repeats (same material), if any. */
  repeatOf: z.number().int().nonnegative().nullable().optional(),
  /** 0–1: how sure the count one is in this section (below the UI's "sure", say "check the count here"). */
  countOneConfidence: unit.optional(),
})

/** Where the arrangement leaves the 8-count lattice, and by how many counts. */
export const IrregularitySchema = z.object({
  time: seconds,
  /** short-bar: a bar of other than 4 beats; tag: counts 5–8 played again; break: the phrase
   * re-starts after a pausa; restart: it re-starts anywhere else (after a pause, a 4-count phrase). */
  kind: z.enum(['short-bar', 'tag', 'break', 'restart']),
  /** Counts gained (+) or lost (−) against the lattice: a tag +4, a 2-beat bar −2. */
  counts: z.number().int().min(-64).max(64),
})

export const SongAnalysisSchema = z.object({
  version: z.number().int().positive(),
  durationSeconds: z.number().positive(),
  bpm: z.number().positive(),
  beats: z.array(seconds),
  downbeats: z.array(seconds),
  /** Start of every 8-count (count 1), in order. */
  countOne: z.array(seconds),
  phrases: z.array(PhraseSchema),
  sections: z.array(SectionSchema),
  breaks: z.array(z.object({ start: seconds, end: seconds })).default([]),
  /** Empty when the grid is one regular 8-count lattice. */
  irregularities: z.array(IrregularitySchema).max(500).default([]),
  /** Overall confidence in the beat grid and count-one phase, 0–1. */
  confidence: unit,
  /**
   * What the confidence is made of (additive, optional): pulse clarity of the tempo and of
   * the beats, certainty of the bar phase and of count 1, and the metered share of the song.
   */
  confidenceParts: z
    .object({ tempo: unit, beats: unit, bars: unit, countOne: unit, coverage: unit })
    .optional(),
  energyClass: EnergySchema,
  /** Loudness over time for the plot (0–1, relative to the song's loud passages); from version 2. */
  energyEnvelope: z.object({ hopSeconds: z.number().positive().max(5), values: z.array(unit).max(20_000) }).optional(),
  key: z.string().nullable().optional(),
  /** What the user should check (a tempo outside 90–180 BPM, a grid that may count the wrong
   * pulse, a correction that no longer applies); from version 3. */
  warnings: z.array(z.string().max(300)).max(20).default([]),
})

export type Phrase = z.infer<typeof PhraseSchema>
export type Section = z.infer<typeof SectionSchema>
export type Irregularity = z.infer<typeof IrregularitySchema>
export type SongAnalysis = z.infer<typeof SongAnalysisSchema>
