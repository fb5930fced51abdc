/**
 * The annotation form's state as strings (what inputs hold) and the two ways across: a stored
 * move into the form, the form into the JSON the API validates. No validation here: the
 * server's zod schema is the one judge, and its field errors come back by path.
 */
export interface StateValues { hold: string; leadWeight: string; facing: string }

export interface MoveFormValues {
  id: string; name: string; family: string; variant: string; styles: string[]; moods: string[]
  difficulty: string; energy: string; counts: string; nativeBpm: string; firstCountOffset: string
  entry: StateValues; exit: StateValues; leadNotes: string; followNotes: string; tags: string
  description: string; loopable: boolean
}

export interface StoredMove {
  id: string; name: string; family: string; variant: string; styles: string[]; moods: string[]
  difficulty: string; energy: string; counts: number; nativeBpm: number; firstCountOffset: number
  entry: unknown; exit: unknown; leadNotes: string; followNotes: string; tags: string[]
  description: string; loopable: boolean
}

const state = (s: unknown): StateValues => {
  const o = (s ?? {}) as Partial<StateValues>
  return { hold: o.hold ?? '', leadWeight: o.leadWeight ?? '', facing: o.facing ?? '' }
}

export const EMPTY_MOVE_FORM: MoveFormValues = {
  id: '', name: '', family: '', variant: '', styles: [], moods: [], difficulty: '', energy: '', counts: '8',
  nativeBpm: '', firstCountOffset: '', entry: state(null), exit: state(null), leadNotes: '', followNotes: '',
  tags: '', description: '', loopable: false,
}

export function toFormValues(m: StoredMove): MoveFormValues {
  return {
    id: m.id, name: m.name, family: m.family, variant: m.variant, styles: [...m.styles], moods: [...m.moods],
    difficulty: m.difficulty, energy: m.energy, counts: String(m.counts), nativeBpm: String(m.nativeBpm),
    firstCountOffset: String(m.firstCountOffset), entry: state(m.entry), exit: state(m.exit),
    leadNotes: m.leadNotes, followNotes: m.followNotes, tags: m.tags.join(', '), description: m.description,
    loopable: m.loopable,
  }
}

/** "" stays missing (the server then says the field is required); anything else is a number or NaN → null, which it rejects by name. */
export const toNumber = (v: string): number | null | undefined => {
  if (v.trim() === '') return undefined
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}
const orUndefined = (v: string) => (v === '' ? undefined : v)
const stateOut = (s: StateValues) => ({ hold: orUndefined(s.hold), leadWeight: orUndefined(s.leadWeight), facing: orUndefined(s.facing) })

/** The annotation JSON the ingest and edit endpoints take. */
export function toAnnotation(v: MoveFormValues) {
  return {
    id: v.id.trim(), name: v.name, family: orUndefined(v.family), variant: v.variant, styles: v.styles, moods: v.moods,
    difficulty: orUndefined(v.difficulty), energy: orUndefined(v.energy), counts: toNumber(v.counts),
    nativeBpm: toNumber(v.nativeBpm), firstCountOffset: toNumber(v.firstCountOffset),
    entry: stateOut(v.entry), exit: stateOut(v.exit), leadNotes: v.leadNotes, followNotes: v.followNotes,
    tags: v.tags.split(',').map((t) => t.trim()).filter(Boolean), description: v.description, loopable: v.loopable,
  }
}

/** Field names the form shows errors beside; any other path goes to the form's summary. */
export const FORM_FIELDS = [
  'clip', 'id', 'name', 'family', 'variant', 'styles', 'moods', 'difficulty', 'energy', 'counts', 'nativeBpm',
  'firstCountOffset', 'entry.hold', 'entry.leadWeight', 'entry.facing', 'exit.hold', 'exit.leadWeight',
  'exit.facing', 'leadNotes', 'followNotes', 'tags', 'description', 'loopable',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

/**
 * The server's field errors (zod paths joined by dots: "entry.facing", "tags.2") placed on the
 * form's fields: a path belongs to the longest form field it starts with; "entry" alone (a
 * whole state missing) goes to its hold select, the first of its three.
 */
export function placeFieldErrors(fields: Record<string, string[]> | undefined) {
  const placed: Partial<Record<FormField, string[]>> = {}
  const rest: string[] = []
  for (const [path, messages] of Object.entries(fields ?? {})) {
    const target = ([...FORM_FIELDS] as string[])
      .filter((f) => path === f || path.startsWith(`${f}.`))
      .sort((a, b) => b.length - a.length)[0] as FormField | undefined
    const side = path === 'entry' || path === 'exit' ? (`${path}.hold` as FormField) : undefined
    const field = target ?? side
    if (field) (placed[field] ??= []).push(...messages)
    else rest.push(...messages.map((m) => (path === '_' ? m : `${path}: ${m}`)))
  }
  return { placed, rest }
}

/** The summary line of a refused save: it points at the fields when some are marked. */
export const withHint = (message: string, placed: Partial<Record<FormField, string[]>>) =>
  Object.keys(placed).length ? `${message}. Check the fields marked below.` : message
