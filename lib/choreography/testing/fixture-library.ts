import {
  DIFFICULTIES, ENERGIES, FAMILIES, MOODS, STYLES, type DanceState, type Difficulty, type Family,
} from '@/lib/moves/vocabulary'
import type { LibraryMove } from '../library-move'
import { createRng } from '../prng'

/**
 * A synthetic move library for engine tests, independent of the demo catalog and wider in
 * tempo (90–170 BPM natives) so any song tempo from 95 to 165 BPM can be retimed within
 * ±12 %. Every state has basics that stay in it and lead back to closed at a slow, a middle
 * and a fast tempo, so connectors always exist; a beginner freeze lets breaks be marked at
 * every level.
 */
const STATES: Record<string, DanceState> = {
  closed: { hold: 'closed', leadWeight: 'right', facing: 'face-to-face' },
  open: { hold: 'two-hand-open', leadWeight: 'right', facing: 'face-to-face' },
  onehand: { hold: 'one-hand-open', leadWeight: 'right', facing: 'face-to-face' },
  shadow: { hold: 'shadow', leadWeight: 'right', facing: 'same-direction' },
  hammer: { hold: 'hammerlock', leadWeight: 'right', facing: 'face-to-face' },
  cuddle: { hold: 'cuddle', leadWeight: 'right', facing: 'side-by-side' },
}
const CONNECTOR_TEMPI = [100, 125, 152]
const COUNTS_BY_LEVEL: Record<Difficulty, 8 | 16 | 32> = { beginner: 8, intermediate: 16, advanced: 32 }

export interface FixtureOptions {
  seed?: number
  /** Figures per non-basic family. */
  perFamily?: number
  /** Native tempo range of the figures. */
  minBpm?: number
  maxBpm?: number
}

function make(p: Partial<LibraryMove> & Pick<LibraryMove, 'id' | 'name' | 'family' | 'counts' | 'nativeBpm' | 'entry' | 'exit'>): LibraryMove {
  const firstCountOffset = p.firstCountOffset ?? 0.25
  return {
    variant: '', styles: ['traditional', 'sensual', 'moderna'], moods: [], difficulty: 'beginner', energy: 'medium',
    leadNotes: '', followNotes: '', tags: [], description: '', loopable: false,
    ...p,
    firstCountOffset,
    clipKey: `clips/fixture/${p.id}.mp4`,
    durationSeconds: firstCountOffset + (p.counts * 60) / p.nativeBpm + 0.3,
  } as LibraryMove
}

export function fixtureLibrary(opts: FixtureOptions = {}): LibraryMove[] {
  const rand = createRng(opts.seed ?? 1)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]
  const minBpm = opts.minBpm ?? 90
  const maxBpm = opts.maxBpm ?? 170
  const out: LibraryMove[] = []
  for (const [key, state] of Object.entries(STATES)) {
    for (const bpm of CONNECTOR_TEMPI) {
      out.push(make({ id: `basic-${key}-${bpm}`, name: `Basic in ${state.hold} ${bpm}`, family: 'basic', counts: 8, nativeBpm: bpm, entry: state, exit: state, loopable: true, energy: bpm > 140 ? 'high' : bpm < 110 ? 'low' : 'medium' }))
      out.push(make({ id: `basic-${key}-alt-${bpm}`, name: `Basic variation in ${state.hold} ${bpm}`, family: 'basic', counts: 8, nativeBpm: bpm + 3, entry: state, exit: state, loopable: true }))
      if (key !== 'closed') {
        out.push(make({ id: `basic-${key}-to-closed-${bpm}`, name: `Basic from ${state.hold} to closed ${bpm}`, family: 'basic', counts: 8, nativeBpm: bpm, entry: state, exit: STATES.closed }))
        out.push(make({ id: `basic-closed-to-${key}-${bpm}`, name: `Basic from closed to ${state.hold} ${bpm}`, family: 'basic', counts: 8, nativeBpm: bpm, entry: STATES.closed, exit: state }))
      }
    }
  }
  for (const bpm of CONNECTOR_TEMPI) {
    out.push(make({ id: `freeze-pose-${bpm}`, name: `Freeze pose ${bpm}`, family: 'golpe', counts: 8, nativeBpm: bpm, entry: STATES.closed, exit: STATES.closed, tags: ['freeze', 'pose'], energy: 'low' }))
    out.push(make({ id: `intro-walk-${bpm}`, name: `Intro walk-in ${bpm}`, family: 'intro', counts: 8, nativeBpm: bpm, entry: STATES.closed, exit: STATES.closed, energy: 'low' }))
    out.push(make({ id: `outro-pose-${bpm}`, name: `Ending pose ${bpm}`, family: 'outro', counts: 8, nativeBpm: bpm, entry: STATES.closed, exit: STATES.closed, tags: ['ending'], energy: 'low' }))
  }
  const stateKeys = Object.keys(STATES)
  const figureFamilies = FAMILIES.filter((f) => f !== 'basic' && f !== 'intro' && f !== 'outro')
  for (const family of figureFamilies) {
    for (let i = 0; i < (opts.perFamily ?? 7); i++) {
      const difficulty: Difficulty = family === 'dip' ? pick(['intermediate', 'advanced'] as const) : pick(DIFFICULTIES)
      const from = rand() < 0.5 ? 'closed' : pick(stateKeys)
      const to = rand() < 0.5 ? from : pick(stateKeys)
      const fam: Family = family
      out.push(make({
        id: `${family}-${i + 1}`,
        name: `${family.replace(/-/g, ' ')} figure ${i + 1}`,
        family: fam,
        difficulty,
        energy: family === 'footwork' || family === 'spin' || family === 'golpe' ? pick(['medium', 'high'] as const) : pick(ENERGIES),
        counts: rand() < 0.75 ? COUNTS_BY_LEVEL[difficulty] : 8,
        nativeBpm: Math.round(minBpm + rand() * (maxBpm - minBpm)),
        styles: [pick(STYLES)],
        moods: [pick(MOODS)],
        entry: STATES[from],
        exit: STATES[to],
        tags: family === 'dip' ? ['dip', 'pose'] : [family],
        firstCountOffset: Math.round(rand() * 20) / 20,
      }))
    }
  }
  return out
}
