import { MoveAnnotationSchema, type MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { BASIC_ROWS } from './demo-catalog-basics'
import { PARTNERING_ROWS } from './demo-catalog-partnering'
import { DEMO_STATES, type CatalogRow, type FamilyRows } from './demo-catalog-row'
import { STYLING_ROWS } from './demo-catalog-styling'
import type { Difficulty, Energy, Style } from '@/lib/engines/dance/vocabulary'

/**
 * The demo move library: ~150 annotated moves across all 16 families, written as compact
 * rows and expanded here. Everything is deterministic (tempo and first-count offset come
 * from a hash of the id), so the generated clips, the index and the tests never drift.
 */
const FAMILY_TABLES: FamilyRows[] = [BASIC_ROWS, ...PARTNERING_ROWS, ...STYLING_ROWS]

const DEFAULT_COUNTS: Record<Difficulty, 8 | 16 | 32> = { beginner: 8, intermediate: 16, advanced: 32 }
/** Native tempo by energy (a bolero is slow, a mambo shine fast), nudged by leading style. */
const TEMPO_RANGE: Record<Energy, [number, number]> = { low: [110, 126], medium: [118, 138], high: [130, 150] }
const STYLE_SHIFT: Record<Style, number> = { sensual: -4, moderna: 0, traditional: 4 }
/** Families whose clips end where they start and can repeat seamlessly. */
const LOOP_FAMILIES = new Set(['basic', 'bolero', 'footwork', 'hip-roll', 'body-wave', 'golpe', 'arm-styling'])

export const DEMO_SUBSET_IDS = [
  'side-basic', 'side-basic-dominican-tempo', 'forward-back-basic', 'open-out-basic', 'open-basic',
  'close-up-basic', 'lady-right-turn', 'open-right-turn-to-closed', 'basic-dip', 'sensual-body-wave',
  'walk-in-and-connect', 'ending-hug-pose',
] as const

/** FNV-1a: a tiny stable hash so derived numbers never change between runs or machines. */
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export function slugify(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

function expandRow(family: FamilyRows, row: CatalogRow): MoveAnnotation {
  const id = slugify(row.name)
  const lo = Math.max(110, TEMPO_RANGE[row.e][0] + STYLE_SHIFT[row.s[0]])
  const hi = Math.min(150, TEMPO_RANGE[row.e][1] + STYLE_SHIFT[row.s[0]])
  const nativeBpm = row.bpm ?? lo + (hash32(`${id}:bpm`) % (hi - lo + 1))
  const entry = DEMO_STATES[row.from]
  const exit = DEMO_STATES[row.to ?? row.from]
  return MoveAnnotationSchema.parse({
    id,
    name: row.name,
    family: family.family,
    variant: row.variant ?? '',
    styles: row.s,
    moods: row.m,
    difficulty: row.d,
    energy: row.e,
    counts: row.counts ?? DEFAULT_COUNTS[row.d],
    nativeBpm,
    firstCountOffset: (hash32(`${id}:offset`) % 21) * 0.05,
    entry,
    exit,
    leadNotes: row.lead ?? family.lead,
    followNotes: row.follow ?? family.follow,
    tags: row.tags,
    description: row.desc,
    loopable: LOOP_FAMILIES.has(family.family) && (row.to ?? row.from) === row.from,
  })
}

let cache: MoveAnnotation[] | undefined

function build(): MoveAnnotation[] {
  const all = FAMILY_TABLES.flatMap((f) => f.rows.map((r) => expandRow(f, r)))
  const seen = new Set<string>()
  for (const m of all) {
    if (seen.has(m.id)) throw new Error(`demo catalog: duplicate id ${m.id}`)
    seen.add(m.id)
  }
  return all
}

/** All demo annotations, validated; a fresh copy each call so callers may mutate freely. */
export function demoCatalog(): MoveAnnotation[] {
  cache ??= build()
  return structuredClone(cache)
}

/** 12 moves for fast tests: basics at two tempi, open hold, turns, a dip, an intro and an outro. */
export function demoSubset(): MoveAnnotation[] {
  const byId = new Map(demoCatalog().map((m) => [m.id, m]))
  return DEMO_SUBSET_IDS.map((id) => {
    const m = byId.get(id)
    if (!m) throw new Error(`demo subset: unknown id ${id}`)
    return m
  })
}
