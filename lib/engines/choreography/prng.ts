/**
 * Seeded randomness for the choreography engine. The engine must be a pure function of its
 * inputs and the seed, so nothing here touches Math.random or the clock.
 */

/** Murmur3's 32-bit finaliser: spreads every input bit over the output. */
function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * A number in [0, 1) that depends only on the seed and the keys. Order-independent, so the
 * search may evaluate candidates in any order (and regenerateMove can reproduce a score).
 */
export function hashUnit(seed: number, a = 0, b = 0): number {
  let h = mix32((seed >>> 0) ^ 0x9e3779b9)
  h = mix32(h ^ Math.imul(a + 1, 0x27d4eb2f))
  h = mix32(h ^ Math.imul(b + 1, 0x165667b1))
  return h / 4294967296
}

/** A small sequential PRNG (mulberry32) for generators that draw many numbers in order. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
