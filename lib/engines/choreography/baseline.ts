import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { SectionLabel } from '@/lib/engines/dance/vocabulary'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'
import { BLUEPRINT_VERSION, type Blueprint, type BlueprintMove } from './blueprint-schema'
import { clipSpanSeconds, type LibraryMove } from './library-move'
import { words } from './prepare-library'
import type { ChoreographyParamsInput } from './build-context'

/**
 * The original system, reproduced for the benchmark only: rank moves by word overlap with
 * the request, take the top ten, fill the whole song round-robin from 0 s with clips back
 * to back at their native length (no beat grid, no retiming, no transitions), and label
 * fixed quarters of the song as sections. Exclusions are honoured so the comparison is
 * about the engine, not about a filter.
 */
const QUARTERS: SectionLabel[] = ['intro', 'verse', 'chorus', 'outro']
const TOP = 10

export function buildBaselineBlueprint(input: {
  analysis: SongAnalysis
  params: ChoreographyParamsInput
  library: LibraryMove[]
  seed: number
  song: { id: string; storageKey: string }
}): Blueprint {
  const { analysis, library } = input
  const params = ChoreographyParamsSchema.parse(input.params ?? {})
  const want = new Set(words([
    params.style ?? '', params.difficulty ?? '', params.energy ?? '', params.query, ...params.moods,
    ...params.includeFamilies, ...params.emphasis.filter((e) => e.direction === 'more').map((e) => e.family),
  ].join(' ')))
  const ranked = library
    .filter((m) => m.enabled !== false && !params.excludeFamilies.includes(m.family))
    .map((m, i) => {
      const have = words([m.name, m.family, m.difficulty, m.energy, ...m.styles, ...m.moods, ...m.tags, m.description].join(' '))
      return { m, i, sim: have.filter((w) => want.has(w)).length }
    })
    .sort((a, b) => b.sim - a.sim || a.i - b.i)
    .slice(0, TOP)
  if (ranked.length === 0) throw new Error('baseline: no move left after exclusions')
  const countOne = analysis.countOne
  const moves: BlueprintMove[] = []
  let t = 0
  for (let k = 0; ; k++) {
    const { m, sim } = ranked[k % ranked.length]
    const len = clipSpanSeconds(m)
    if (t + len > analysis.durationSeconds) break
    const beat = 60 / m.nativeBpm
    let c = 0
    for (let i = 1; i < countOne.length; i++) if (Math.abs(countOne[i] - t) < Math.abs(countOne[c] - t)) c = i
    moves.push({
      kind: 'move',
      index: moves.length,
      moveId: m.id,
      name: m.name,
      family: m.family,
      difficulty: m.difficulty,
      energy: m.energy,
      styles: m.styles,
      clipKey: m.clipKey,
      songStart: t,
      songEnd: t + len,
      firstCountIndex: c * 8,
      counts: m.counts,
      beatTimes: Array.from({ length: m.counts + 1 }, (_, i) => (i === m.counts ? t + len : t + i * beat)),
      clipIn: m.firstCountOffset,
      clipOut: m.firstCountOffset + len,
      playbackRate: 1,
      section: QUARTERS[Math.min(3, Math.floor((4 * t) / analysis.durationSeconds))],
      entry: m.entry,
      exit: m.exit,
      connector: false,
      why: { scoreParts: { similarity: sim }, reason: `rank ${(k % ranked.length) + 1} by similarity to the request` },
    })
    t += len
  }
  return {
    version: BLUEPRINT_VERSION,
    song: {
      id: input.song.id,
      storageKey: input.song.storageKey,
      durationSeconds: analysis.durationSeconds,
      bpm: analysis.bpm,
      analysisVersion: analysis.version,
      countOneStart: countOne[0] ?? 0,
    },
    params,
    output: { width: 1280, height: 720, fps: 30, videoCodec: 'h264', audioCodec: 'aac', overlays: { counts: true, moveNames: true } },
    seed: input.seed >>> 0,
    start: 0,
    end: moves.length ? moves[moves.length - 1].songEnd : 0,
    countIn: null,
    moves,
    warnings: [],
  }
}
