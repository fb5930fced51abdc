import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { BLUEPRINT_VERSION, type Blueprint, type BlueprintEntry, type BlueprintMove } from './blueprint-schema'
import { History } from './history'
import { clipSpanSeconds } from './library-move'
import { emptyParts, scoreMove, type MoveScoreParts } from './score-move'
import { explainMove } from './explain-move'
import { placeHold } from './place-hold'
import type { EngineContext, EngineMove, HistoryView, Placement } from './engine-types'
import type { Slot } from './build-slots'

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d

/** The 8n + 1 song times a move of n slots lands on (slots share their joint times). */
export function spanBeatTimes(slots: Slot[], j: number, n: number): number[] {
  const times = [...slots[j].beatTimes]
  for (let k = j + 1; k < j + n; k++) times.push(...slots[k].beatTimes.slice(1))
  return times
}

/** One blueprint move for move m placed at slot j, scored against history h. */
export function placeMove(
  ctx: EngineContext,
  m: EngineMove,
  j: number,
  h: HistoryView,
  index: number,
): BlueprintMove {
  const parts: MoveScoreParts = emptyParts()
  const total = scoreMove(ctx, m, j, h, parts)
  const connector = m.isConnector
  const slot = ctx.slots[j]
  const beatTimes = spanBeatTimes(ctx.slots, j, m.n)
  const mv = m.move
  const clipIn = mv.firstCountOffset
  // prepareLibrary only admits clips holding the move (within 50 ms), so clamping is safe.
  const clipOut = Math.min(clipIn + clipSpanSeconds(mv), mv.durationSeconds)
  return {
    kind: 'move',
    index,
    moveId: mv.id,
    name: mv.name,
    family: mv.family,
    difficulty: mv.difficulty,
    energy: mv.energy,
    styles: mv.styles,
    clipKey: mv.clipKey,
    songStart: slot.start,
    songEnd: beatTimes[beatTimes.length - 1],
    firstCountIndex: slot.countOneIndex * 8,
    counts: mv.counts,
    beatTimes,
    clipIn,
    clipOut,
    playbackRate: round(parts.rate, 6),
    section: slot.section,
    entry: mv.entry,
    exit: mv.exit,
    connector,
    why: {
      scoreParts: {
        tempo: round(parts.tempo), energy: round(parts.energy), difficulty: round(parts.difficulty),
        request: round(parts.request), structure: round(parts.structure), variety: round(parts.variety),
        taste: round(parts.taste), connector: round(parts.connector), total: round(total),
        // What the move search said about it for this request (the request term's source).
        ...(m.retrieval ? {
          requestFit: round(m.queryFit), retrieval: round(m.retrieval.score), semantic: round(m.retrieval.semantic),
          attributes: round(m.retrieval.attributes), lexical: round(m.retrieval.lexical),
        } : {}),
      },
      reason: explainMove(m, slot, parts, connector, ctx.retrievalQuery),
    },
  }
}

export interface AssembleInput {
  ctx: EngineContext
  placements: Placement[]
  analysis: SongAnalysis
  params: ChoreographyParams
  song: { id: string; storageKey: string }
  seed: number
  overlays: { counts: boolean; moveNames: boolean }
  warnings: string[]
}

export function assembleBlueprint(input: AssembleInput): Blueprint {
  const { ctx, placements, analysis } = input
  const history = History.empty(ctx)
  const moves: BlueprintEntry[] = []
  let hold = 0
  for (const p of placements) {
    // Holds before this slot go in first, in the state the previous move ended in.
    for (; hold < ctx.holds.length && ctx.holds[hold].beforeSlot <= p.slot; hold++) {
      moves.push(placeHold(ctx.holds[hold], moves[moves.length - 1].exit, moves.length, analysis))
    }
    moves.push(placeMove(ctx, p.m, p.slot, history, moves.length))
    history.apply(p)
  }
  return {
    version: BLUEPRINT_VERSION,
    song: {
      id: input.song.id,
      storageKey: input.song.storageKey,
      durationSeconds: analysis.durationSeconds,
      bpm: analysis.bpm,
      analysisVersion: analysis.version,
      // firstCountIndex counts from the grid's first count one, wherever the span starts.
      countOneStart: analysis.countOne[0],
    },
    params: input.params,
    output: { width: 1280, height: 720, fps: 30, videoCodec: 'h264', audioCodec: 'aac', overlays: input.overlays },
    seed: input.seed,
    start: ctx.slots[0].start,
    end: moves[moves.length - 1].songEnd,
    countIn: ctx.countIn,
    moves,
    warnings: [...new Set(input.warnings)].slice(0, 20).map((w) => w.slice(0, 300)),
  }
}
