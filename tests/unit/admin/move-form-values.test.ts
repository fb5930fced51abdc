import { describe, expect, it } from 'vitest'
import { EMPTY_MOVE_FORM, placeFieldErrors, toAnnotation, toFormValues, withHint } from '@/components/admin/moves/move-form-values'
import { MoveAnnotationSchema } from '@/lib/engines/dance/move-annotation'

const stored = {
  id: 'wrap-turn', name: 'Wrap turn', family: 'lady-turn', variant: 'wrap', styles: ['moderna'], moods: ['playful'],
  difficulty: 'intermediate', energy: 'high', counts: 16, nativeBpm: 126, firstCountOffset: 0.3,
  entry: { hold: 'two-hand-open', leadWeight: 'right', facing: 'face-to-face' },
  exit: { hold: 'two-hand-open', leadWeight: 'right', facing: 'face-to-face' },
  leadNotes: 'Prep on 7-8', followNotes: '', tags: ['wrap', 'spin'], description: 'A wrap.', loopable: true,
}

describe('the annotation form’s values', () => {
  it('round-trips a stored move into the form and back into an annotation the schema accepts', () => {
    const back = toAnnotation(toFormValues(stored))
    expect(back).toEqual(stored)
    expect(MoveAnnotationSchema.safeParse(back).success).toBe(true)
  })

  it('leaves empty fields out (the server names them) and sends a non-number as null', () => {
    const a = toAnnotation({ ...EMPTY_MOVE_FORM, nativeBpm: 'abc', tags: ' a, , b ,' })
    expect(a.family).toBeUndefined()
    expect(a.firstCountOffset).toBeUndefined()
    expect(a.nativeBpm).toBeNull()
    expect(a.tags).toEqual(['a', 'b'])
    expect(a.entry).toEqual({ hold: undefined, leadWeight: undefined, facing: undefined })
  })
})

describe('placeFieldErrors (the server’s zod paths → the form’s fields)', () => {
  it('places nested and indexed paths on their field; the rest goes to the summary', () => {
    const { placed, rest } = placeFieldErrors({
      id: ['lowercase words joined by hyphens'], 'entry.facing': ['a shadow hold is danced same-direction'],
      'tags.2': ['too long'], exit: ['Required'], _: ['Invalid input'], secret: ['Unrecognized key'],
    })
    expect(placed).toEqual({
      id: ['lowercase words joined by hyphens'], 'entry.facing': ['a shadow hold is danced same-direction'],
      tags: ['too long'], 'exit.hold': ['Required'],
    })
    expect(rest).toEqual(['Invalid input', 'secret: Unrecognized key'])
  })

  it('handles no fields at all', () => {
    expect(placeFieldErrors(undefined)).toEqual({ placed: {}, rest: [] })
  })

  it('the summary points at the marked fields only when there are some', () => {
    expect(withHint('Invalid input', { id: ['bad'] })).toBe('Invalid input. Check the fields marked below.')
    expect(withHint('A move with id "x" already exists', {})).toBe('A move with id "x" already exists')
  })
})
