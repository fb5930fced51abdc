import { z } from 'zod'

/**
 * One dance vocabulary for the whole product (see shared/BACHATA.md): annotations, request
 * parsing, the blueprint and the UI all use these lists, so a word means the same thing
 * everywhere. Moods map onto styles/energy/families; they are not a second style list.
 */
export const FAMILIES = [
  'basic', 'cross-body-lead', 'lady-turn', 'spin', 'hammerlock', 'shadow', 'body-wave',
  'hip-roll', 'head-roll', 'bolero', 'footwork', 'golpe', 'arm-styling', 'dip', 'intro', 'outro',
] as const
export const STYLES = ['traditional', 'sensual', 'moderna'] as const
export const MOODS = ['romantic', 'playful', 'energetic', 'smooth', 'dramatic'] as const
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const
export const ENERGIES = ['low', 'medium', 'high'] as const
export const HOLDS = [
  'closed', 'open-closed', 'two-hand-open', 'one-hand-open', 'cross-hand', 'shadow',
  'hammerlock', 'cuddle', 'side-by-side', 'tandem',
] as const
export const WEIGHT_FEET = ['left', 'right'] as const
/** How the partners face each other: shadow/tandem are same-direction. */
export const FACINGS = ['face-to-face', 'same-direction', 'side-by-side'] as const
export const COUNTS = [8, 16, 32] as const
export const SECTION_LABELS = ['intro', 'verse', 'chorus', 'mambo', 'break', 'outro'] as const

export const FamilySchema = z.enum(FAMILIES)
export const StyleSchema = z.enum(STYLES)
export const MoodSchema = z.enum(MOODS)
export const DifficultySchema = z.enum(DIFFICULTIES)
export const EnergySchema = z.enum(ENERGIES)
export const HoldSchema = z.enum(HOLDS)
export const SectionLabelSchema = z.enum(SECTION_LABELS)

export type Family = z.infer<typeof FamilySchema>
export type Style = z.infer<typeof StyleSchema>
export type Mood = z.infer<typeof MoodSchema>
export type Difficulty = z.infer<typeof DifficultySchema>
export type Energy = z.infer<typeof EnergySchema>
export type Hold = z.infer<typeof HoldSchema>
export type SectionLabel = z.infer<typeof SectionLabelSchema>

/** Entry/exit state of a move: a move may follow another only if these match exactly. */
export const DanceStateSchema = z.object({
  hold: HoldSchema,
  leadWeight: z.enum(WEIGHT_FEET),
  facing: z.enum(FACINGS),
})
export type DanceState = z.infer<typeof DanceStateSchema>

export function sameState(a: DanceState, b: DanceState): boolean {
  return a.hold === b.hold && a.leadWeight === b.leadWeight && a.facing === b.facing
}

export const DIFFICULTY_RANK: Record<Difficulty, number> = { beginner: 0, intermediate: 1, advanced: 2 }
export const ENERGY_RANK: Record<Energy, number> = { low: 0, medium: 1, high: 2 }
