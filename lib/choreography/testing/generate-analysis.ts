import { ANALYSIS_VERSION, type SongAnalysis } from '@/lib/audio/analysis-schema'
import type { SectionLabel } from '@/lib/moves/vocabulary'
import { createRng } from '../prng'

/**
 * Synthetic song analyses for tests and the benchmark: what lib/audio would report for a
 * live bachata band — tempo drift and wobble, jittered beats, a rubato lead-in and pickup
 * beats before the first count-one, realistic section layouts with repeats, breaks both as
 * their own section and inside a verse, and a ragged tail after the last full 8-count.
 */
export interface SectionSpec {
  label: SectionLabel
  /** Length in phrases (8-counts). */
  phrases: number
  /** Index (in this list) of an earlier section with the same material. */
  repeatOf?: number
}

export interface SyntheticSongSpec {
  seed: number
  bpm: number
  /** Tempo change from the first to the last beat, in % (a live band rushing or dragging). */
  driftPct?: number
  /** Amplitude of a slow tempo wobble, in %. */
  wobblePct?: number
  /** Beat onset noise, ± milliseconds. */
  jitterMs?: number
  /** Silence or rubato before the first beat. */
  leadInSeconds?: number
  /** Beats before the first count-one (an anacrusis). */
  pickupBeats?: number
  /** Beats after the last full 8-count. */
  tailBeats?: number
  sections?: SectionSpec[]
  /** Drop-outs inside sections, as phrase indices (1 bar each, not their own section). */
  midBreaks?: number[]
}

const BASE_ENERGY: Record<SectionLabel, number> = {
  intro: 0.25, verse: 0.5, chorus: 0.7, mambo: 0.92, break: 0.1, outro: 0.3,
}

/** A typical 3½-minute layout: intro, verse/chorus twice, break, mambo, chorus, outro. */
export const DEFAULT_LAYOUT: SectionSpec[] = [
  { label: 'intro', phrases: 4 },
  { label: 'verse', phrases: 8 },
  { label: 'chorus', phrases: 4 },
  { label: 'verse', phrases: 8, repeatOf: 1 },
  { label: 'chorus', phrases: 4, repeatOf: 2 },
  { label: 'break', phrases: 1 },
  { label: 'mambo', phrases: 8 },
  { label: 'chorus', phrases: 4, repeatOf: 2 },
  { label: 'outro', phrases: 4 },
]

/** A random but plausible layout of roughly `phrases` 8-counts. */
export function randomLayout(rand: () => number, phrases: number): SectionSpec[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  const out: SectionSpec[] = [{ label: 'intro', phrases: pick([1, 2, 4]) }]
  let verse = -1
  let chorus = -1
  let total = out[0].phrases
  const outro = pick([1, 2, 4])
  while (total < phrases - outro) {
    const r = rand()
    const room = phrases - outro - total
    let spec: SectionSpec
    if (r < 0.35) {
      spec = { label: 'verse', phrases: Math.min(room, pick([4, 8])), repeatOf: verse >= 0 && rand() < 0.7 ? verse : undefined }
    } else if (r < 0.7) {
      spec = { label: 'chorus', phrases: Math.min(room, 4), repeatOf: chorus >= 0 && rand() < 0.8 ? chorus : undefined }
    } else if (r < 0.85) {
      spec = { label: 'mambo', phrases: Math.min(room, pick([4, 8])) }
    } else {
      spec = { label: 'break', phrases: 1 }
    }
    // A shortened repeat is still a repeat, but the layout generator keeps it honest.
    if (spec.repeatOf !== undefined && out[spec.repeatOf].phrases !== spec.phrases) spec.repeatOf = undefined
    if (spec.label === 'verse' && verse < 0) verse = out.length
    if (spec.label === 'chorus' && chorus < 0) chorus = out.length
    out.push(spec)
    total += spec.phrases
  }
  out.push({ label: 'outro', phrases: outro })
  return out
}

export function generateAnalysis(spec: SyntheticSongSpec): SongAnalysis {
  const rand = createRng(spec.seed)
  const sections = spec.sections ?? DEFAULT_LAYOUT
  const phraseCount = sections.reduce((n, s) => n + s.phrases, 0)
  const pickup = spec.pickupBeats ?? 0
  const tail = spec.tailBeats ?? 3
  const totalBeats = pickup + phraseCount * 8 + 1 + tail
  const drift = (spec.driftPct ?? 0) / 100
  const wobble = (spec.wobblePct ?? 0) / 100
  const jitter = (spec.jitterMs ?? 0) / 1000

  const ideal: number[] = []
  let t = spec.leadInSeconds ?? 0.5
  for (let i = 0; i < totalBeats; i++) {
    ideal.push(t)
    const x = i / totalBeats
    const bpm = spec.bpm * (1 + drift * x) * (1 + wobble * Math.sin(2 * Math.PI * 3 * x))
    t += 60 / bpm
  }
  const beats = ideal.map((b, i) => (i === 0 ? b : b + (rand() * 2 - 1) * jitter))
  for (let i = 1; i < beats.length; i++) beats[i] = Math.max(beats[i], beats[i - 1] + 0.2)
  const countOne = Array.from({ length: phraseCount }, (_, k) => beats[pickup + 8 * k])
  const phraseEnd = (k: number) => beats[pickup + 8 * (k + 1)]
  const downbeats = beats.filter((_, i) => i >= pickup % 4 && (i - pickup) % 4 === 0)

  const raw: { label: SectionLabel; sectionIndex: number; energy: number }[] = []
  sections.forEach((s, si) => {
    for (let p = 0; p < s.phrases; p++) {
      raw.push({ label: s.label, sectionIndex: si, energy: BASE_ENERGY[s.label] + (rand() - 0.5) * 0.12 })
    }
  })
  const lo = Math.min(...raw.map((r) => r.energy))
  const hi = Math.max(...raw.map((r) => r.energy))
  const phrases = raw.map((r, k) => ({
    index: k,
    start: countOne[k],
    end: phraseEnd(k),
    energy: hi > lo ? (r.energy - lo) / (hi - lo) : 0.5,
    section: r.label,
    sectionIndex: r.sectionIndex,
  }))
  let first = 0
  const sectionOut = sections.map((s, si) => {
    const ps = phrases.slice(first, first + s.phrases)
    first += s.phrases
    return {
      label: s.label,
      start: ps[0].start,
      end: ps[ps.length - 1].end,
      energy: ps.reduce((a, p) => a + p.energy, 0) / ps.length,
      repeatOf: s.repeatOf !== undefined && s.repeatOf < si ? s.repeatOf : null,
    }
  })
  // A break section's drop-out lasts a bar or two; mid-section breaks one bar.
  const breaks = sectionOut
    .filter((s) => s.label === 'break')
    .map((s) => ({ start: s.start, end: rand() < 0.5 ? s.end : s.start + (s.end - s.start) / 2 }))
  for (const k of spec.midBreaks ?? []) {
    if (k >= 0 && k < phraseCount) breaks.push({ start: phrases[k].start, end: (phrases[k].start + phrases[k].end) / 2 })
  }
  breaks.sort((a, b) => a.start - b.start)
  const meanEnergy = phrases.reduce((a, p) => a + p.energy, 0) / phrases.length
  return {
    version: ANALYSIS_VERSION,
    durationSeconds: beats[beats.length - 1] + 0.3 + rand() * 2,
    bpm: spec.bpm * (1 + drift / 2),
    beats,
    downbeats,
    countOne,
    phrases,
    sections: sectionOut,
    breaks,
    confidence: 0.9,
    energyClass: meanEnergy > 0.66 ? 'high' : meanEnergy < 0.33 ? 'low' : 'medium',
    key: null,
  }
}

/** A random realistic spec: tempo 95–165 with drift, random layout of about `minutes`. */
export function randomSongSpec(seed: number, opts: { minBpm?: number; maxBpm?: number; minutes?: number } = {}): SyntheticSongSpec {
  const rand = createRng(seed ^ 0x5eed)
  const bpm = (opts.minBpm ?? 95) + rand() * ((opts.maxBpm ?? 165) - (opts.minBpm ?? 95))
  const minutes = opts.minutes ?? 1 + rand() * 3
  const phrases = Math.max(4, Math.round((minutes * bpm) / 8))
  const sections = randomLayout(rand, phrases)
  const total = sections.reduce((n, s) => n + s.phrases, 0)
  return {
    seed,
    bpm,
    driftPct: (rand() * 2 - 1) * 4,
    wobblePct: rand() * 1.5,
    jitterMs: rand() * 15,
    leadInSeconds: rand() * 6,
    pickupBeats: Math.floor(rand() * 8),
    tailBeats: Math.floor(rand() * 8),
    sections,
    midBreaks: rand() < 0.5 ? [Math.floor(rand() * total)] : [],
  }
}
