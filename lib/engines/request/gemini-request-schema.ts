import { SchemaType, type ResponseSchema, type Schema } from '@google/generative-ai'
import { z } from 'zod'
import { DIFFICULTIES, ENERGIES, FAMILIES, HOLDS, MOODS, STYLES } from '@/lib/engines/dance/vocabulary'
import { SPAN_KINDS, SPAN_SECTIONS } from '@/lib/engines/dance/vocabulary-values'
import { ChoreographyParamsSchema, EmphasisSchema } from '@/lib/engines/dance/choreography-params'
import { CLOSE_HOLD_FAMILIES } from './request-signals'

const TEMPOS = ['slow', 'medium', 'fast'] as const

const enumOf = (values: readonly string[], description: string, nullable = false): Schema => ({
  type: SchemaType.STRING, format: 'enum', enum: [...values], description, ...(nullable ? { nullable: true } : {}),
})
const listOf = (items: Schema, maxItems: number, description: string): Schema => ({
  type: SchemaType.ARRAY, items, maxItems, description,
})

/**
 * The JSON shape Gemini must answer with (responseSchema), built from the one vocabulary so
 * the model cannot be offered a value the rest of the app does not know. Every key is
 * required: the model says null / [] instead of leaving keys out.
 */
export const GEMINI_RESPONSE_SCHEMA: ResponseSchema = {
  type: SchemaType.OBJECT,
  properties: {
    difficulty: enumOf(DIFFICULTIES, 'Dancer level asked for, or null', true),
    energy: enumOf(ENERGIES, 'Energy level asked for, or null', true),
    style: enumOf(STYLES, 'traditional = Dominican, sensual, moderna = modern/urban; or null', true),
    moods: listOf(enumOf(MOODS, 'A mood'), 5, 'Moods asked for'),
    durationSeconds: { type: SchemaType.INTEGER, nullable: true, description: 'Length in seconds (8-900), null = the whole song' },
    includeFamilies: listOf(enumOf(FAMILIES, 'A move family'), 16, 'Families the user wants'),
    excludeFamilies: listOf(enumOf(FAMILIES, 'A move family'), 16, 'Families the user refuses'),
    excludeHolds: listOf(enumOf(HOLDS, 'A hold'), 10, 'Holds the user refuses'),
    includeMoves: listOf({ type: SchemaType.STRING, description: 'A move name' }, 20, 'Moves asked for by name, lower case'),
    emphasis: listOf({
      type: SchemaType.OBJECT,
      properties: {
        family: enumOf(FAMILIES, 'A move family'),
        direction: enumOf(['more', 'fewer'], 'more or fewer of it'),
        count: { type: SchemaType.INTEGER, nullable: true, description: 'Explicit quantity (1-64), or null' },
      },
      required: ['family', 'direction', 'count'],
    }, 16, 'More or fewer of a family'),
    tempo: enumOf(TEMPOS, 'Tempo preference, or null', true),
    query: { type: SchemaType.STRING, description: 'Leftover words worth a semantic search, else empty' },
    countIn: { type: SchemaType.BOOLEAN, description: 'false only when the dancer asks for no count-in ("5 6 7 8" before the first move), else true' },
    span: {
      type: SchemaType.OBJECT,
      properties: {
        kind: enumOf(SPAN_KINDS, 'start = from the first count one (default); section = a named section; best = the most energetic part'),
        section: enumOf(SPAN_SECTIONS, 'The section for kind "section", else null', true),
      },
      required: ['kind', 'section'],
      description: 'Which part of the song the choreography takes',
    },
  },
  required: [
    'difficulty', 'energy', 'style', 'moods', 'durationSeconds', 'includeFamilies', 'excludeFamilies', 'excludeHolds',
    'includeMoves', 'emphasis', 'tempo', 'query', 'countIn', 'span',
  ],
}

/**
 * What we accept back: the params without parser/warnings (we set those), with no extra
 * keys anywhere. Anything else is treated as a failure and the offline parser answers.
 */
export const GeminiParamsSchema = ChoreographyParamsSchema.omit({ parser: true, warnings: true })
  .extend({ emphasis: z.array(EmphasisSchema.strict()).max(16).default([]) })
  .strict()

export const GEMINI_SYSTEM_INSTRUCTION = [
  'You turn a dancer\'s request for a bachata choreography into JSON parameters. Requests may be English or Spanish.',
  'Use only the enum values of the schema; null or [] when the request does not say.',
  'Levels: easy, first class, never danced before, principiante -> beginner; pro, show-off, expert -> advanced.',
  'Styles: dominican/traditional -> traditional; sensual/sexy -> sensual; urban/modern -> moderna.',
  'Families: turn/twirl/vuelta/giro -> lady-turn; spin -> spin; footwork/shines/Madrid/taconeo -> footwork; dip/drop -> dip;',
  'wave/body roll -> body-wave. A move named explicitly ("the Madrid") also goes in includeMoves.',
  'wrap/cuddle/sweetheart is the cuddle hold, no family: "no wraps" -> excludeHolds cuddle; asked for, it stays in query.',
  'Negation ("no dips", "without hammerlock", "sin giros") -> excludeFamilies.',
  `"Nothing too close" -> exclude the close-hold families ${CLOSE_HOLD_FAMILIES.join(', ')}.`,
  'Quantities -> emphasis: "lots of turns" more/null, "a couple of spins" more/2, "a few turns" more/3, "one dip" more/1,',
  '"fewer dips" fewer/null, "only one dip" fewer/1. A family asked for (not just "fewer") also goes in includeFamilies.',
  'Durations in seconds: "2 minutes" 120, "90s" 90, "1:30" 90, "a minute and a half" 90, "the whole song" null, "short" 60.',
  'span: "with the mambo" -> section/mambo, "just the chorus" / "solo el coro" -> section/chorus, "the best minute" / "the best part" ->',
  'best (with durationSeconds 60 for a minute); otherwise start. "no count-in" -> countIn false.',
  'When cues contradict, the strongest explicit cue wins, then the last one.',
  'query: only meaningful leftover words (e.g. "wedding"), never words already mapped above.',
].join('\n')
