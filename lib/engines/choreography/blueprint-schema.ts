import { z } from 'zod'
import {
  DanceStateSchema, DifficultySchema, EnergySchema, FamilySchema, SectionLabelSchema, StyleSchema,
} from '@/lib/engines/dance/vocabulary'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'

/**
 * The blueprint: the versioned contract between the choreography engine and the render
 * worker (see shared/ARCHITECTURE.md). Both sides parse it with this schema. Bump
 * BLUEPRINT_VERSION on any change the worker must know about.
 *
 * Version 2: `moves` holds two kinds of entry, moves and holds (a tag, a short bar or a
 * pause the dancers hold through). Version 1 documents (all moves) are upgraded on parse, so
 * stored blueprints keep rendering and practising without a rebuild.
 *
 * Version 3: `countIn`, the song's beats before the first move called "5 6 7 8": the video
 * starts at its first beat (see videoStartOf), not at `start`. Version 2 documents read as
 * version 3 without a count-in.
 */
export const BLUEPRINT_VERSION = 3

/** Float tolerance for "equal times" inside one document (times are seconds). */
const EPS = 1e-6

const seconds = z.number().finite().nonnegative()

/**
 * Clip storage keys reach the worker's filesystem/S3 calls, so they are confined to the
 * clips/ prefix and may not climb out of it.
 */
export const ClipKeySchema = z
  .string()
  .max(300)
  .regex(/^clips\/[a-z0-9][a-z0-9/_.-]*$/, 'must be a clips/… storage key (lowercase letters, digits, / _ . -)')
  .refine((k) => !k.includes('..') && !k.includes('//'), 'must not contain .. or //')

/** Song audio keys: the lead's storage layout decides the prefix; we only forbid escapes. */
export const SongKeySchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/, 'must be a relative storage key')
  .refine((k) => !k.includes('..') && !k.includes('//'), 'must not contain .. or //')

/** counts + 1 strictly increasing times (each count's start, then the end of the last). */
function countTimesOk(e: { counts: number; beatTimes: number[] }, ctx: z.RefinementCtx): boolean {
  if (e.beatTimes.length !== e.counts + 1) {
    ctx.addIssue({ code: 'custom', path: ['beatTimes'], message: 'must hold counts + 1 times' })
    return false
  }
  for (let i = 1; i < e.beatTimes.length; i++) {
    if (!(e.beatTimes[i] > e.beatTimes[i - 1])) {
      ctx.addIssue({ code: 'custom', path: ['beatTimes', i], message: 'must increase strictly' })
      return false
    }
  }
  return true
}

export const ScorePartsSchema = z.record(z.string().max(40), z.number().finite())

export const BlueprintMoveSchema = z
  .object({
    kind: z.literal('move'),
    index: z.number().int().nonnegative(),
    moveId: z.string().min(1).max(80),
    name: z.string().min(1).max(80),
    family: FamilySchema,
    /** Copied from the annotation so the UI and the scorer need no library lookup. */
    difficulty: DifficultySchema,
    energy: EnergySchema,
    styles: z.array(StyleSchema).min(1).max(3),
    clipKey: ClipKeySchema,
    songStart: seconds,
    songEnd: seconds,
    /** Count number from the song's first count-one (countOne index × 8). */
    firstCountIndex: z.number().int().nonnegative().multipleOf(8),
    counts: z.number().int().positive().max(64).multipleOf(8),
    /** Song times of each count this move lands on, plus its end time (length counts + 1). */
    beatTimes: z.array(seconds).min(9).max(65),
    clipIn: seconds,
    clipOut: seconds,
    /** Song tempo over these counts ÷ clip native tempo: the worker speeds the clip by this. */
    playbackRate: z.number().finite().min(0.25).max(4),
    section: SectionLabelSchema,
    entry: DanceStateSchema,
    exit: DanceStateSchema,
    /** Inserted to bridge two holds rather than chosen for its own sake. */
    connector: z.boolean(),
    why: z.object({ scoreParts: ScorePartsSchema, reason: z.string().max(500) }),
  })
  .superRefine((m, ctx) => {
    if (m.songEnd <= m.songStart) ctx.addIssue({ code: 'custom', path: ['songEnd'], message: 'must be after songStart' })
    if (m.clipOut <= m.clipIn) ctx.addIssue({ code: 'custom', path: ['clipOut'], message: 'must be after clipIn' })
    if (!countTimesOk(m, ctx)) return
    if (Math.abs(m.beatTimes[0] - m.songStart) > EPS || Math.abs(m.beatTimes[m.counts] - m.songEnd) > EPS) {
      ctx.addIssue({ code: 'custom', path: ['beatTimes'], message: 'must start at songStart and end at songEnd' })
    }
  })

/**
 * Where the arrangement leaves the 8-count lattice (a 4-count tag, a 2-beat bar, a pause
 * before a restart): the dancers hold the pose or style on the spot, in the state the last
 * move left them in, and the next move starts on the new count one. No clip: the worker
 * holds the previous frame while the music goes on.
 */
export const BlueprintHoldSchema = z
  .object({
    kind: z.literal('hold'),
    index: z.number().int().nonnegative(),
    name: z.string().min(1).max(80),
    songStart: seconds,
    songEnd: seconds,
    /** Beats the dancers count in it (0 for a pause without a beat). */
    counts: z.number().int().nonnegative().max(15),
    /** The count each of those beats is called (a tag is 5–8 again, a 2-beat bar 7–8). */
    calls: z.array(z.number().int().min(1).max(8)).max(15),
    /** Start of each counted beat, then the end of the last one (counts + 1); a beatless pause may follow until songEnd. */
    beatTimes: z.array(seconds).min(1).max(16),
    section: SectionLabelSchema,
    entry: DanceStateSchema,
    exit: DanceStateSchema,
    why: z.object({ scoreParts: ScorePartsSchema, reason: z.string().max(500) }),
  })
  .superRefine((h, ctx) => {
    if (h.songEnd <= h.songStart) ctx.addIssue({ code: 'custom', path: ['songEnd'], message: 'must be after songStart' })
    if (h.calls.length !== h.counts) ctx.addIssue({ code: 'custom', path: ['calls'], message: 'must hold one call per count' })
    if (!countTimesOk(h, ctx)) return
    if (Math.abs(h.beatTimes[0] - h.songStart) > EPS || h.beatTimes[h.counts] > h.songEnd + EPS) {
      ctx.addIssue({ code: 'custom', path: ['beatTimes'], message: 'must start at songStart and end by songEnd' })
    }
    if (h.entry.hold !== h.exit.hold || h.entry.leadWeight !== h.exit.leadWeight || h.entry.facing !== h.exit.facing) {
      ctx.addIssue({ code: 'custom', path: ['exit'], message: 'a hold keeps the dance state: exit must equal entry' })
    }
  })

export const BlueprintEntrySchema = z.discriminatedUnion('kind', [BlueprintMoveSchema, BlueprintHoldSchema])

export const OutputSchema = z.object({
  width: z.literal(1280).default(1280),
  height: z.literal(720).default(720),
  fps: z.literal(30).default(30),
  videoCodec: z.literal('h264').default('h264'),
  audioCodec: z.literal('aac').default('aac'),
  overlays: z
    .object({ counts: z.boolean().default(true), moveNames: z.boolean().default(true) })
    .default({ counts: true, moveNames: true }),
})

/**
 * The count-in: the song's own beats before the first move, called 5–8 (4 beats; fewer
 * only where the song has no more, then the last calls: "7 8"). beatTimes holds each
 * call's beat and then the first move's count one (calls + 1 times).
 */
export const CountInSchema = z
  .object({
    beatTimes: z.array(seconds).min(2).max(9),
    calls: z.array(z.number().int().min(1).max(8)).min(1).max(8),
  })
  .superRefine((c, ctx) => {
    if (c.calls.length !== c.beatTimes.length - 1) ctx.addIssue({ code: 'custom', path: ['calls'], message: 'must hold one call per beat' })
    countTimesOk({ counts: c.beatTimes.length - 1, beatTimes: c.beatTimes }, ctx)
  })

/**
 * Version 1 had moves only, without a kind: the same document in version 2's words.
 * Version 2 had no count-in: the same document in version 3's words (countIn null).
 */
function upgradeOld(doc: unknown): unknown {
  if (!doc || typeof doc !== 'object') return doc
  let d = doc as { version?: unknown; moves?: unknown; countIn?: unknown }
  if (d.version === 1 && Array.isArray(d.moves)) {
    d = { ...d, version: 2, moves: d.moves.map((m: unknown) => (m && typeof m === 'object' && !('kind' in m) ? { kind: 'move', ...m } : m)) }
  }
  if (d.version === 2) d = { ...d, version: 3, countIn: null }
  return d
}

const BlueprintDocSchema = z
  .object({
    version: z.literal(BLUEPRINT_VERSION),
    song: z.object({
      id: z.string().min(1).max(100),
      storageKey: SongKeySchema,
      durationSeconds: z.number().positive(),
      bpm: z.number().positive(),
      analysisVersion: z.number().int().positive(),
      /** Time of the song's first count-one: firstCountIndex counts from here. */
      countOneStart: seconds,
    }),
    params: ChoreographyParamsSchema,
    output: OutputSchema,
    seed: z.number().int().min(0).max(0xffffffff),
    /** Song seconds covered by the choreography. */
    start: seconds,
    end: seconds,
    /** Null: the video starts on the first move's count one. */
    countIn: CountInSchema.nullable().default(null),
    /** Moves and holds in song order, back to back. */
    moves: z.array(BlueprintEntrySchema).min(1).max(500),
    warnings: z.array(z.string().max(300)).max(20).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.end <= b.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' })
    if (b.end > b.song.durationSeconds + EPS) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not pass the end of the song' })
    }
    b.moves.forEach((m, i) => {
      if (m.index !== i) ctx.addIssue({ code: 'custom', path: ['moves', i, 'index'], message: 'must equal its position' })
      if (m.songStart < b.start - EPS || m.songEnd > b.end + EPS) {
        ctx.addIssue({ code: 'custom', path: ['moves', i], message: 'must lie inside [start, end]' })
      }
      if (i > 0 && m.songStart < b.moves[i - 1].songEnd - EPS) {
        ctx.addIssue({ code: 'custom', path: ['moves', i, 'songStart'], message: 'overlaps the previous move' })
      }
    })
    if (!b.moves.some((m) => m.kind === 'move')) ctx.addIssue({ code: 'custom', path: ['moves'], message: 'must hold at least one move' })
    const last = b.countIn?.beatTimes[b.countIn.beatTimes.length - 1]
    if (last !== undefined && Math.abs(last - b.start) > EPS) {
      ctx.addIssue({ code: 'custom', path: ['countIn', 'beatTimes'], message: 'must end at start (the first move\'s count one)' })
    }
  })

export const BlueprintSchema = z.preprocess(upgradeOld, BlueprintDocSchema)

export type Blueprint = z.infer<typeof BlueprintSchema>
export type BlueprintEntry = z.infer<typeof BlueprintEntrySchema>
export type BlueprintMove = z.infer<typeof BlueprintMoveSchema>
export type BlueprintHold = z.infer<typeof BlueprintHoldSchema>
export type CountIn = z.infer<typeof CountInSchema>

/** Song time of the video's first frame: the count-in's first beat, else the first move. */
export const videoStartOf = (bp: Pick<Blueprint, 'start' | 'countIn'>): number => bp.countIn?.beatTimes[0] ?? bp.start

/** The moves of a blueprint, without its holds. */
export const movesOf = (bp: Pick<Blueprint, 'moves'>): BlueprintMove[] => bp.moves.filter((m): m is BlueprintMove => m.kind === 'move')
export type BlueprintOutput = z.infer<typeof OutputSchema>
