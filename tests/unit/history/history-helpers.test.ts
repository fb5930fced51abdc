import { describe, expect, it } from 'vitest'
import { historyHref } from '@/components/choreographies/history-href'
import { pickNextSteps } from '@/components/home/pick-next-steps'

describe('historyHref', () => {
  it('puts only what differs from the defaults in the address', () => {
    expect(historyHref({})).toBe('/choreographies')
    expect(historyHref({ sort: 'newest', page: 1, q: '' })).toBe('/choreographies')
    expect(historyHref({ status: 'SUCCEEDED', songId: 's1', q: 'easy & slow', sort: 'song', page: 3 }))
      .toBe('/choreographies?status=SUCCEEDED&songId=s1&q=easy+%26+slow&sort=song&page=3')
  })
})

describe('pickNextSteps', () => {
  const none = { total: 0, ready: null, inProgress: null, collections: 0 }

  it('a new dancer is sent to generate, and only that', () => {
    expect(pickNextSteps(none).map((s) => s.href)).toEqual(['/generate'])
  })

  it('a ready choreography comes first, then one still rendering, then collections, then another', () => {
    const steps = pickNextSteps({ total: 3, ready: { id: 'r1', label: 'Lenta: easy' }, inProgress: { id: 'q1', label: 'Moderna' }, collections: 2 })
    expect(steps.map((s) => s.href)).toEqual(['/choreographies/r1', '/choreographies/q1', '/collections', '/generate'])
    expect(steps[0].text).toContain('Lenta: easy')
    expect(steps[2]).toMatchObject({ title: 'Open your collections', text: expect.stringContaining('2 collections') })
  })

  it('with no collection yet it suggests starting one', () => {
    const steps = pickNextSteps({ ...none, total: 1, inProgress: { id: 'q1', label: 'Moderna' } })
    expect(steps.map((s) => s.key)).toEqual(['progress', 'collect', 'generate'])
  })
})
