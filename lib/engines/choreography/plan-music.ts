import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { SectionLabel } from '@/lib/engines/dance/vocabulary'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import type { Slot } from './build-slots'
import type { MusicPlan } from './engine-types'
import { hashUnit } from './prng'
import { clamp01 } from '@/lib/shared/numbers'

/** How much a section's label lifts or lowers the energy the dance should show. */
const LABEL_ENERGY: Record<SectionLabel, number> = {
  intro: -0.15, verse: 0, chorus: 0.12, mambo: 0.3, break: -0.1, outro: -0.15,
}

/** Share of repeated sections danced with the same sequence (dancers like recognisable structure). */
const SAME_REPEAT_SHARE = 0.6

/**
 * Warm-up, peak, cool-down: the share of the peak difficulty wanted at position t (0–1).
 * Peaks of the music (mambo, chorus) may reach the peak early.
 */
export function progression(t: number, label: SectionLabel): number {
  let c = t < 0.2 ? 0.5 + 0.5 * (t / 0.2) : t > 0.85 ? 1 - 0.5 * ((t - 0.85) / 0.15) : 1
  if (label === 'mambo' || label === 'chorus') c = Math.min(1, c + 0.15)
  if (label === 'intro' || label === 'outro') c = Math.min(c, 0.5)
  return c
}

export function planMusic(
  slots: Slot[],
  slotCount: number,
  analysis: SongAnalysis,
  params: ChoreographyParams,
  seed: number,
  maxDifficulty: number,
): MusicPlan {
  const energyTarget = new Float64Array(slotCount)
  const difficultyTarget = new Float64Array(slotCount)
  const sectionStart = new Uint8Array(slotCount)
  const repeatSlot = new Int32Array(slotCount).fill(-1)
  const repeatSame = new Uint8Array(slotCount)
  // Without a requested level the music decides, aiming at intermediate peaks.
  const peak = params.difficulty === null ? Math.min(maxDifficulty, 1.5) : maxDifficulty
  const moodShift = (params.moods.includes('energetic') ? 0.1 : 0)
    - (params.moods.includes('romantic') || params.moods.includes('smooth') ? 0.1 : 0)
  const firstSlotOfSection = new Map<number, number>()
  for (let j = 0; j < slotCount; j++) {
    const s = slots[j]
    let e = clamp01(s.energy + LABEL_ENERGY[s.section] + moodShift)
    if (params.energy === 'low') e *= 0.6
    else if (params.energy === 'high') e = 0.4 + 0.6 * e
    else if (params.energy === 'medium') e = 0.25 + 0.5 * e
    energyTarget[j] = e
    difficultyTarget[j] = peak * progression(slotCount > 1 ? j / (slotCount - 1) : 0.5, s.section)
    if (j > 0 && s.sectionIndex !== slots[j - 1].sectionIndex) sectionStart[j] = 1
    if (!firstSlotOfSection.has(s.sectionIndex)) firstSlotOfSection.set(s.sectionIndex, j)
  }
  // A repeated section echoes its original slot by slot: same moves or a variation of them.
  for (let j = 0; j < slotCount; j++) {
    const si = slots[j].sectionIndex
    const of = analysis.sections[si]?.repeatOf
    if (of === null || of === undefined || of >= si) continue
    const origin = firstSlotOfSection.get(of)
    const mine = firstSlotOfSection.get(si)
    if (origin === undefined || mine === undefined) continue
    const k = origin + (j - mine)
    if (k < j && k < slotCount && slots[k].sectionIndex === of) {
      repeatSlot[j] = k
      repeatSame[j] = hashUnit(seed, 7, si) < SAME_REPEAT_SHARE ? 1 : 0
    }
  }
  return { energyTarget, difficultyTarget, sectionStart, repeatSlot, repeatSame }
}
