import { describe, expect, it } from 'vitest'
import { buildWordMeanings } from '@/lib/engines/request/word-meanings'
import type { WordVectors } from '@/lib/engines/search/word-vectors-file'

const DIMS = 6
/** Unit vector from loose components. */
const unit = (xs: number[]) => {
  const n = Math.hypot(...xs)
  return xs.map((x) => x / n)
}

/**
 * Hand-made vectors in 6 dimensions: each dance term and the everyday word "person" get
 * their own axis, and the words under test are placed between them. Every word has a mirror
 * (its negation, under a name no lexicon has), so the mean the look-up removes is zero.
 */
function vectors(entries: Record<string, { v: number[]; rank?: number }>): WordVectors {
  const axis = (i: number) => Array.from({ length: DIMS }, (_, d) => (d === i ? 1 : 0))
  const base: Record<string, { v: number[]; rank?: number }> = {
    playful: { v: axis(0) }, calm: { v: axis(1) }, beginner: { v: axis(2) }, person: { v: axis(3) }, ...entries,
  }
  const all = { ...base, ...Object.fromEntries(Object.entries(base).map(([w, e]) => [`zz${w}`, { v: e.v.map((x) => -x), rank: e.rank }])) }
  const words = Object.keys(all)
  const data = new Float32Array(words.length * DIMS)
  words.forEach((w, i) => unit(all[w].v).forEach((x, d) => { data[i * DIMS + d] = x }))
  return {
    header: { dims: DIMS, count: words.length, source: 'test', wordsHash: 't', sourceSize: 100_000 },
    words, ranks: Uint32Array.from(words.map((w) => all[w].rank ?? 50_000)), index: new Map(words.map((w, i) => [w, i])), data,
  }
}

describe('buildWordMeanings: the nearest vocabulary term, with a floor', () => {
  const v = vectors({
    cheery: { v: [0.9, 0.1, 0, 0, 0, 0.2] },
    torn: { v: [0.7, 0.7, 0, 0, 0, 0.1] },
    faint: { v: [0.3, 0, 0, 0, 1, 1] },
    clerk: { v: [0.55, 0, 0, 0.8, 0, 0] },
    greenish: { v: [0, 0, 1, 0, 0, 0.2] },
    the: { v: [1, 0, 0, 0, 0, 0], rank: 3 },
  })
  const meanings = buildWordMeanings(v)

  it('maps a close word to the term and its meaning', () => {
    expect(meanings('cheery')).toMatchObject({ term: 'playful', cues: [{ type: 'mood', value: 'playful' }] })
    expect(meanings('cheery')!.similarity).toBeGreaterThan(0.8)
  })

  it('weakens what it borrows: "beginner" names the level (2), a word near it only implies it (1)', () => {
    expect(meanings('greenish')?.cues).toEqual([{ type: 'difficulty', value: 'beginner', strength: 1 }])
  })

  it('adds nothing below the floor, between two meanings, near an everyday word, or for a very frequent word', () => {
    expect(meanings('faint')).toBeNull() // nearest is playful, but far
    expect(meanings('torn')).toBeNull() // as near to calm as to playful
    expect(meanings('clerk')).toBeNull() // nearer to "person" than to "playful"
    expect(meanings('the')).toBeNull() // rank 3: too general to imply anything
    expect(meanings('unheard')).toBeNull() // no vector at all
  })

  it('each guard is what keeps the word out (switching it off lets the word through)', () => {
    expect(buildWordMeanings(v, { floor: 0.1 })('faint')?.term).toBe('playful')
    expect(buildWordMeanings(v, { margin: 0 })('torn')).not.toBeNull()
    expect(buildWordMeanings(v, { distractors: false })('clerk')?.term).toBe('playful')
    expect(buildWordMeanings(v, { minRank: 0 })('the')?.term).toBe('playful')
  })
})
