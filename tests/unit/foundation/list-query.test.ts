import { describe, expect, it } from 'vitest'
import { escapeLike } from '@/lib/shared/escape-like'
import { ChoreographyListQuerySchema } from '@/lib/shared/validation/choreographies'
import { parseSearchParams } from '@/lib/shared/validation/parse-search-params'

describe('escapeLike', () => {
  it('makes %, _ and the escape character itself match literally', () => {
    expect(escapeLike('100% _real_ a\\b')).toBe('100\\% \\_real\\_ a\\\\b')
    expect(escapeLike('plain words')).toBe('plain words')
  })
})

describe('the choreography list query', () => {
  it('defaults to the newest first, and treats a blank search as no search', () => {
    expect(ChoreographyListQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20, sort: 'newest' })
    expect(ChoreographyListQuerySchema.parse({ q: '   ' }).q).toBeUndefined()
    expect(ChoreographyListQuerySchema.parse({ q: ' turns ', sort: 'song' })).toMatchObject({ q: 'turns', sort: 'song' })
    expect(ChoreographyListQuerySchema.safeParse({ sort: 'password' }).success).toBe(false)
  })

  it('parseSearchParams drops only what the schema refuses, takes the first of repeated values, and says what it dropped', () => {
    const r = parseSearchParams(ChoreographyListQuerySchema, { sort: 'sideways', status: 'FAILED', page: ['2', '3'], q: undefined, pageSize: '0' })
    expect(r.data).toEqual({ page: 2, pageSize: 20, sort: 'newest', status: 'FAILED' })
    expect(r.ignored.sort()).toEqual(['pageSize', 'sort'])
    expect(parseSearchParams(ChoreographyListQuerySchema, {})).toEqual({ data: { page: 1, pageSize: 20, sort: 'newest' }, ignored: [] })
  })
})
