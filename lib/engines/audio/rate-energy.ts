import type { Energy } from '@/lib/engines/dance/vocabulary'
import type { PhraseFeatures } from './describe-phrases'
import { clamp01, mean } from './signal-utils'

/**
 * Energy per phrase (0–1, relative to the song's loudest, busiest phrase: 18 dB quieter is 0)
 * and a song-level class that also weighs tempo and absolute loudness, so a soft ballad at
 * 105 BPM is "low" even though its own chorus is its peak.
 */
export function rateEnergy(phrases: PhraseFeatures[], bpm: number): { phrase: number[]; songClass: Energy } {
  if (phrases.length === 0) return { phrase: [], songClass: 'low' }
  const maxDb = Math.max(...phrases.map((p) => p.energyDb))
  const maxDrive = Math.max(1e-9, ...phrases.map((p) => p.drive))
  const phrase = phrases.map((p) => {
    const loud = clamp01((p.energyDb - maxDb + 18) / 18)
    return Math.round(clamp01(0.6 * loud + 0.4 * (p.drive / maxDrive)) * 1000) / 1000
  })
  const absolute = clamp01((mean(phrases.map((p) => p.energyDb)) + 30) / 16)
  const score = 0.5 * clamp01((bpm - 100) / 45) + 0.3 * absolute + 0.2 * mean(phrase)
  return { phrase, songClass: score < 0.45 ? 'low' : score < 0.65 ? 'medium' : 'high' }
}
