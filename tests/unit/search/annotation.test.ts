import { describe, expect, it } from 'vitest'
import { MoveAnnotationSchema } from '@/lib/engines/dance/move-annotation'

const good = {
  id: 'lady-right-turn',
  name: 'Lady right turn',
  family: 'lady-turn',
  styles: ['moderna'],
  moods: ['playful'],
  difficulty: 'beginner',
  energy: 'medium',
  counts: 8,
  nativeBpm: 128,
  firstCountOffset: 0.4,
  entry: { hold: 'closed', leadWeight: 'right', facing: 'face-to-face' },
  exit: { hold: 'closed', leadWeight: 'right', facing: 'face-to-face' },
  leadNotes: 'Prep on 7-8.\nRaise the hand on 1.',
  tags: ['turn'],
  description: 'A single right turn.',
}

/** The field paths zod reports, joined like "entry.facing". */
function errorPaths(input: unknown): string[] {
  const r = MoveAnnotationSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'))
}

describe('MoveAnnotationSchema', () => {
  it('accepts a complete annotation and fills defaults', () => {
    const a = MoveAnnotationSchema.parse(good)
    expect(a.variant).toBe('')
    expect(a.loopable).toBe(false)
    expect(a.followNotes).toBe('')
  })

  it('names every missing required field', () => {
    const paths = errorPaths({ id: 'x-1' })
    for (const f of ['name', 'family', 'styles', 'difficulty', 'energy', 'counts', 'nativeBpm', 'firstCountOffset', 'entry', 'exit']) {
      expect(paths).toContain(f)
    }
  })

  it('rejects unknown vocabulary and out-of-range numbers', () => {
    expect(errorPaths({ ...good, family: 'salsa-shine' })).toEqual(['family'])
    expect(errorPaths({ ...good, counts: 12 })).toEqual(['counts'])
    expect(errorPaths({ ...good, nativeBpm: 400 })).toEqual(['nativeBpm'])
    expect(errorPaths({ ...good, entry: { ...good.entry, hold: 'tango' } })).toEqual(['entry.hold'])
  })

  it('rejects contradictions with the field that is wrong', () => {
    expect(errorPaths({ ...good, loopable: true, exit: { hold: 'two-hand-open', leadWeight: 'right', facing: 'face-to-face' } }))
      .toEqual(['loopable'])
    expect(errorPaths({ ...good, entry: { hold: 'shadow', leadWeight: 'right', facing: 'face-to-face' } }))
      .toEqual(['entry.facing'])
    expect(errorPaths({ ...good, exit: { hold: 'closed', leadWeight: 'left', facing: 'side-by-side' } }))
      .toEqual(['exit.facing'])
    expect(errorPaths({ ...good, counts: 32 })).toEqual(['counts'])
    expect(errorPaths({ ...good, family: 'bolero', energy: 'high' })).toEqual(['energy'])
    expect(errorPaths({ ...good, styles: ['moderna', 'moderna'] })).toEqual(['styles'])
    expect(errorPaths({ ...good, tags: ['Turn', 'turn'] })).toEqual(['tags'])
  })

  it('rejects hostile strings without crashing', () => {
    expect(errorPaths({ ...good, id: '../../etc/passwd' })).toEqual(['id'])
    expect(errorPaths({ ...good, id: "x'; DROP TABLE moves;--" })).toEqual(['id'])
    expect(errorPaths({ ...good, name: 'Turn\u202Eevil' })).toEqual(['name'])
    expect(errorPaths({ ...good, name: 'Turn\n{"level":"fatal"}' })).toEqual(['name'])
    expect(errorPaths({ ...good, description: 'x'.repeat(10_000) })).toEqual(['description'])
    expect(errorPaths({ ...good, tags: Array.from({ length: 50 }, (_, i) => `t${i}`) })).toEqual(['tags'])
    expect(errorPaths({ ...good, leadNotes: 'ok\u0000' })).toEqual(['leadNotes'])
    expect(errorPaths({ ...good, name: { toString: 'x' } })).toEqual(['name'])
    expect(errorPaths({ ...good, __proto__: { family: 'dip' } })).toEqual([])
    // Markup is just text here (the UI escapes it); it must survive unchanged, not crash.
    expect(MoveAnnotationSchema.parse({ ...good, name: '<script>alert(1)</script>' }).name).toBe('<script>alert(1)</script>')
  })

  it('trims whitespace so "  Madrid " and "Madrid" are the same name', () => {
    expect(MoveAnnotationSchema.parse({ ...good, name: '  Madrid ' }).name).toBe('Madrid')
  })
})
