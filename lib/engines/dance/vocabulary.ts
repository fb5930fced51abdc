import { z } from 'zod'

/**
 * One dance vocabulary for the whole product (see shared/BACHATA.md): annotations, request
 * parsing, the blueprint and the UI all use these lists, so a word means the same thing
 * everywhere. Moods map onto styles/energy/families; they are not a second style list.
 */
export { FAMILIES, STYLES, MOODS, DIFFICULTIES, ENERGIES, HOLDS, WEIGHT_FEET, FACINGS, COUNTS, SECTION_LABELS } from './vocabulary-values'
import { FAMILIES, STYLES, MOODS, DIFFICULTIES, ENERGIES, HOLDS, WEIGHT_FEET, FACINGS, SECTION_LABELS } from './vocabulary-values'

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
