/**
 * The vocabulary's value lists with no schema library attached, so browser code (the
 * generate page's chips) can use them without shipping zod. vocabulary.ts builds the schemas.
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
/** Which part of the song a requested length takes (ChoreographyParams.span). */
export const SPAN_KINDS = ['start', 'section', 'best'] as const
/** Sections a span can be asked by: every section label but a break (a bar or two). */
export const SPAN_SECTIONS = ['intro', 'verse', 'chorus', 'mambo', 'outro'] as const
