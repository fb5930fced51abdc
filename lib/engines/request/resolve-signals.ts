import type { Family, Mood } from '@/lib/engines/dance/vocabulary'
import { ChoreographyParamsSchema, type ChoreographyParams, type Emphasis } from '@/lib/engines/dance/choreography-params'
import type { ReadRequest, ScalarSlot, Signal } from './request-signals'

const MIN_SECONDS = 8
const MAX_SECONDS = 900

/**
 * A negated level means "not that extreme": one step towards the middle ("not too fast" →
 * medium, "nothing too hard" → intermediate). Negating the middle or a style leaves no
 * preference (null) rather than guessing an opposite that does not exist.
 */
const NEGATED: Record<ScalarSlot, Record<string, string | null>> = {
  difficulty: { beginner: 'intermediate', intermediate: null, advanced: 'intermediate' },
  energy: { low: 'medium', medium: null, high: 'medium' },
  tempo: { slow: 'medium', medium: null, fast: 'medium' },
  style: { traditional: null, sensual: null, moderna: null },
}

interface Candidate<T> {
  value: T
  strength: number
  source: string
}

/** The strongest cue wins; among equals the last one (people correct themselves as they go). */
function pick<T>(label: string, cands: Candidate<T>[], show: (v: T) => string, warnings: string[]): T | undefined {
  if (cands.length === 0) return undefined
  let best = cands[0]
  for (const c of cands) if (c.strength >= best.strength) best = c
  const losers = cands.filter((c) => c.value !== best.value)
  if (losers.length > 0) {
    const list = losers.map((c) => `${show(c.value)} ("${c.source}")`).join(', ')
    warnings.push(`${label}: chose ${show(best.value)} ("${best.source}") over ${list}`)
  }
  return best.value
}

const quote = (v: string | null) => (v === null ? 'no preference' : `"${v}"`)
const showSeconds = (v: number | null) => (v === null ? 'the whole song' : `${v} s`)

function resolveScalar(slot: ScalarSlot, signals: Signal[], warnings: string[]): string | null {
  const cands = signals.flatMap((s) =>
    s.kind === 'scalar' && s.slot === slot
      ? [{ value: s.negated ? NEGATED[slot][s.value] ?? null : s.value, strength: s.strength, source: s.source }]
      : [],
  )
  return pick(slot, cands, quote, warnings) ?? null
}

function resolveDuration(signals: Signal[], warnings: string[]): number | null {
  const cands = signals.flatMap((s) =>
    s.kind === 'duration'
      ? [{ value: s.seconds === null ? null : Math.round(s.seconds), strength: s.strength, source: s.source }]
      : [],
  )
  const seconds = pick('duration', cands, showSeconds, warnings) ?? null
  if (seconds === null) return null
  const clamped = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, seconds))
  if (clamped !== seconds) warnings.push(`duration: ${seconds} s is outside ${MIN_SECONDS}–${MAX_SECONDS} s; used ${clamped} s`)
  return clamped
}

function resolveMoods(signals: Signal[]): Mood[] {
  const moods: Mood[] = []
  for (const s of signals) {
    if (s.kind !== 'mood') continue
    const at = moods.indexOf(s.value)
    if (s.negated && at >= 0) moods.splice(at, 1)
    else if (!s.negated && at < 0) moods.push(s.value)
  }
  return moods
}

/** Include/exclude per family: the last mention wins, and a flip is reported. */
function resolveFamilies(signals: Signal[], warnings: string[]) {
  const state = new Map<Family, { polarity: 'include' | 'exclude'; source: string }>()
  const emphasis = new Map<Family, Omit<Emphasis, 'family'>>()
  const names: Array<{ family: Family; name: string }> = []
  for (const s of signals) {
    if (s.kind !== 'family') continue
    if (s.polarity !== 'neutral') {
      const prev = state.get(s.family)
      if (prev && prev.polarity !== s.polarity) {
        warnings.push(`${s.family}: "${s.source}" overrides the earlier "${prev.source}"`)
      }
      state.set(s.family, { polarity: s.polarity, source: s.source })
    }
    if (s.emphasis) emphasis.set(s.family, s.emphasis)
    if (s.name) names.push({ family: s.family, name: s.name })
  }
  const withPolarity = (p: 'include' | 'exclude') => [...state].filter(([, v]) => v.polarity === p).map(([f]) => f)
  const excluded = new Set(withPolarity('exclude'))
  return {
    includeFamilies: withPolarity('include'),
    excludeFamilies: [...excluded],
    includeMoves: [...new Set(names.filter((n) => !excluded.has(n.family)).map((n) => n.name))],
    emphasis: [...emphasis].filter(([f]) => !excluded.has(f)).map(([family, e]) => ({ family, ...e })),
  }
}

/** Turns what the offline parser read into validated params (parser "offline"). */
export function resolveSignals(read: ReadRequest): ChoreographyParams {
  const warnings = [...read.warnings]
  const { signals } = read
  const params = {
    difficulty: resolveScalar('difficulty', signals, warnings),
    energy: resolveScalar('energy', signals, warnings),
    style: resolveScalar('style', signals, warnings),
    moods: resolveMoods(signals),
    durationSeconds: resolveDuration(signals, warnings),
    ...resolveFamilies(signals, warnings),
    excludeHolds: [...new Set(signals.flatMap((s) => (s.kind === 'hold' ? [s.hold] : [])))],
    tempo: resolveScalar('tempo', signals, warnings),
    query: [...new Set(read.leftovers)].join(' ').slice(0, 500).trim(),
    parser: 'offline' as const,
    warnings: warnings.slice(0, 20).map((w) => w.slice(0, 300)),
  }
  // The lexicon only yields vocabulary values, so this cannot fail; parsing keeps the
  // output honest if the lexicon and the schema ever drift apart.
  return ChoreographyParamsSchema.parse(params)
}
