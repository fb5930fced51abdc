import { describe, expect, it } from 'vitest'
import { explainSearchHit } from '@/lib/engines/search/explain-search-hit'
import { passesFilters } from '@/lib/engines/search/search-moves'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'

const catalog = demoCatalog()
const move = (id: string) => catalog.find((m) => m.id === id)!
const parts = (p: Partial<{ semantic: number; attributes: number; lexical: number; boost: number }>) =>
  ({ semantic: 0, attributes: 0, lexical: 0, boost: 0, ...p })

describe('explainSearchHit', () => {
  it('names the query words found in the name, the meaning and the level it fits', () => {
    const why = explainSearchHit({ query: 'easy turn', move: move('lady-right-turn'), parts: parts({ lexical: 0.6, semantic: 0.9, attributes: 1 }) })
    // "easy" reaches search as "beginner" through the lexicon, so that is the level it fits.
    expect(why).toBe("matches 'turn' in the name · close in meaning · fits beginner")
  })

  it('tells tags and labels apart from the name, and says each word once', () => {
    const why = explainSearchHit({ query: 'drop drops closed', move: move('basic-dip'), parts: parts({ lexical: 0.5 }) })
    // "drop" reaches search as "drop dip" (the lexicon), so the name matches too.
    expect(why).toBe("matches 'dip' in the name · tagged 'drop' · labelled 'closed'")
  })

  it('grades meaning, says when attributes fit without a named label, and mentions boosts', () => {
    expect(explainSearchHit({ query: 'slow and close', move: move('sensual-body-wave'), parts: parts({ semantic: 0.6, attributes: 0.8, boost: 0.08 }) }))
      .toBe('related in meaning · fits the level and pace asked for · matches your preferences')
  })

  it('does not repeat a label the words already matched', () => {
    const why = explainSearchHit({ query: 'sensual', move: move('sensual-body-wave'), parts: parts({ lexical: 1, attributes: 1 }) })
    expect(why).toBe("matches 'sensual' in the name")
  })

  it('stopwords never count as matches, and a weak hit says so', () => {
    expect(explainSearchHit({ query: 'walk in and out', move: move('walk-in-and-connect'), parts: parts({ lexical: 0.3 }) }))
      .toBe("matches 'walk' in the name")
    expect(explainSearchHit({ query: 'anything', move: move('side-basic'), parts: parts({ semantic: 0.2 }) })).toBe('a distant match')
  })
})

describe('the hold filter', () => {
  const cuddleExitOnly = catalog.find((m) => m.entry.hold !== 'cuddle' && m.exit.hold === 'cuddle')!
  const cuddleEntryOnly = catalog.find((m) => m.entry.hold === 'cuddle' && m.exit.hold !== 'cuddle')!

  it('keeps moves that enter or exit in the hold, and nothing else', () => {
    expect(passesFilters(cuddleExitOnly, { holds: ['cuddle'] })).toBe(true)
    expect(passesFilters(cuddleEntryOnly, { holds: ['cuddle'] })).toBe(true)
    expect(passesFilters(move('side-basic'), { holds: ['cuddle'] })).toBe(false)
    expect(passesFilters(move('side-basic'), { holds: ['cuddle', 'closed'] })).toBe(true)
    expect(passesFilters(move('side-basic'), {})).toBe(true)
  })
})
