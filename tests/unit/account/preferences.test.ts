import { describe, expect, it } from 'vitest'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import { applyParamDefaults } from '@/lib/engines/request/apply-param-defaults'
import { readPreferences } from '@/lib/services/users/read-preferences'

describe('profile preferences on the generate page', () => {
  const defaults = { difficulty: 'beginner', style: 'sensual', durationSeconds: 90 } as const

  it('fill level, style and length where the request is silent, and say which', () => {
    const { params, filled } = applyParamDefaults(ChoreographyParamsSchema.parse({ moods: ['romantic'] }), defaults)
    expect(params).toMatchObject({ difficulty: 'beginner', style: 'sensual', durationSeconds: 90, moods: ['romantic'] })
    expect(filled).toEqual(['difficulty', 'style', 'durationSeconds'])
  })

  it('never override what the request said', () => {
    const parsed = ChoreographyParamsSchema.parse({ difficulty: 'advanced', durationSeconds: 60 })
    const { params, filled } = applyParamDefaults(parsed, defaults)
    expect(params).toMatchObject({ difficulty: 'advanced', style: 'sensual', durationSeconds: 60 })
    expect(filled).toEqual(['style'])
    expect(parsed.style).toBeNull() // the input is not mutated
  })

  it('leave params alone without defaults', () => {
    const parsed = ChoreographyParamsSchema.parse({})
    expect(applyParamDefaults(parsed, {})).toEqual({ params: parsed, filled: [] })
  })

  it('drop stored values that no longer validate', () => {
    expect(readPreferences({ preferredStyle: 'salsa', preferredDifficulty: 'beginner', showCounts: false, junk: 1 }))
      .toEqual({ preferredDifficulty: 'beginner', showCounts: false })
    expect(readPreferences(null)).toEqual({})
    expect(readPreferences([1, 2])).toEqual({})
  })
})
