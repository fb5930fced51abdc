import type { PhraseSpan } from './describe-phrases'

/**
 * 8-counts from the count-1 beats: each runs to the next count 1. The last one runs to the
 * end of the beats plus one beat (it may be short: a final hit is a count 1 with nothing
 * after it, where a dancer lands the ending pose).
 */
export function buildPhrases(beatTimes: number[], countOneIdx: number[], period: number, duration: number): PhraseSpan[] {
  const phrases: PhraseSpan[] = []
  for (let k = 0; k < countOneIdx.length; k++) {
    const a = countOneIdx[k]
    const b = k + 1 < countOneIdx.length ? countOneIdx[k + 1] : beatTimes.length
    const end = b < beatTimes.length ? beatTimes[b] : Math.min(duration, beatTimes[beatTimes.length - 1] + period)
    if (end > beatTimes[a]) phrases.push({ start: beatTimes[a], end, firstBeat: a, endBeat: b })
  }
  return phrases
}
