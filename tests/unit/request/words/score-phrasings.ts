import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import type { Expected, Phrasing } from './held-out-phrasings'

export const FIELDS = ['difficulty', 'style', 'mood', 'energy'] as const
export type Field = (typeof FIELDS)[number]

export interface FieldScore {
  field: Field
  /** Phrasings scored on this field. */
  cases: number
  correct: number
  /** Read as another value (a wrong guess, worse than none). */
  wrong: number
  accuracy: number
}

type Reading = Pick<ChoreographyParams, 'difficulty' | 'style' | 'moods' | 'energy'>

function verdict(field: Field, want: NonNullable<Expected[Field]>, got: Reading): 'correct' | 'wrong' | 'none' {
  if (field === 'mood') return got.moods.includes(want as ChoreographyParams['moods'][number]) ? 'correct' : got.moods.length ? 'wrong' : 'none'
  const value = got[field]
  return value === want ? 'correct' : value === null ? 'none' : 'wrong'
}

/** Accuracy field by field: the share of phrasings scored on a field whose reading is the expected value. */
export function scorePhrasings(set: readonly Phrasing[], parse: (text: string) => Reading): FieldScore[] {
  const readings = set.map((p) => parse(p.text))
  return FIELDS.map((field) => {
    let cases = 0, correct = 0, wrong = 0
    set.forEach((p, i) => {
      const want = p.expect[field]
      if (want === undefined) return
      cases++
      const v = verdict(field, want, readings[i])
      if (v === 'correct') correct++
      else if (v === 'wrong') wrong++
    })
    return { field, cases, correct, wrong, accuracy: cases ? correct / cases : 0 }
  })
}

/** How many of the neutral requests got any level, style, mood or energy (noise). */
export function noisyReadings(texts: readonly string[], parse: (text: string) => Reading): string[] {
  return texts.filter((t) => {
    const r = parse(t)
    return r.difficulty !== null || r.style !== null || r.energy !== null || r.moods.length > 0
  })
}
