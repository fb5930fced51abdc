import { mean } from '@/lib/shared/numbers'
import { FRAME_SECONDS, type JudgeContext, type JudgedAnnotation } from './judge-types'

/** Words in a move's name or tags that say it stops the dance in a picture: the answer to a break or the last note. */
const POSE = /\b(pose|freeze|pausa|pause|dip|hit|ending)\b/i

export interface StructureScore {
  /** Section starts inside the dance that a move or hold starts on (within a frame). */
  sectionStarts: number
  sectionStartsMet: number
  /** Breaks (pausas) inside the dance, and those the entry covering most of them marks (a hold, a dip or a pose). */
  breaks: number
  breaksMarked: number
  /** When the dance runs to the song's last 8-count: does it end in an outro or a pose? (null otherwise) */
  endsOnAnEnding: boolean | null
  score: number
}

const isPose = (a: Pick<JudgedAnnotation, 'family' | 'name' | 'tags'>) =>
  a.family === 'dip' || a.family === 'outro' || POSE.test(a.name) || a.tags.some((t) => POSE.test(t))

/**
 * Phrasing, as shared/BACHATA.md describes it: a new section starts a new figure, a break is
 * marked with a pose or a hold, and a dance that runs to the end of the song ends in a pose.
 */
export function scoreStructure(ctx: JudgeContext): StructureScore {
  const { blueprint: bp, analysis, grid, moves, annotations } = ctx
  const entries = bp.moves
  const starts = analysis.sections.map((s) => s.start).filter((t) => t > bp.start + FRAME_SECONDS && t < bp.end - FRAME_SECONDS)
  const met = starts.filter((t) => entries.some((e) => Math.abs(e.songStart - t) <= FRAME_SECONDS)).length
  const annotationOf = new Map(moves.map((m, i) => [m, annotations[i]]))
  const breaks = analysis.breaks.filter((b) => b.start < bp.end && b.end > bp.start)
  const marked = breaks.filter((b) => {
    let best = entries[0]
    let most = -1
    for (const e of entries) {
      const o = Math.min(b.end, e.songEnd) - Math.max(b.start, e.songStart)
      if (o > most) { most = o; best = e }
    }
    if (best.kind === 'hold') return true
    const a = annotationOf.get(best)
    return isPose(a ?? { family: best.family, name: best.name, tags: [] })
  }).length
  const last = moves[moves.length - 1]
  const toTheEnd = bp.end >= grid.gridEnd - 8 * grid.beatPeriod
  const lastAnnotation = annotations[annotations.length - 1]
  const endsOnAnEnding = toTheEnd ? isPose(lastAnnotation ?? { family: last.family, name: last.name, tags: [] }) : null
  const parts = [
    starts.length ? met / starts.length : null,
    breaks.length ? marked / breaks.length : null,
    endsOnAnEnding === null ? null : Number(endsOnAnEnding),
  ].filter((x): x is number => x !== null)
  return {
    sectionStarts: starts.length,
    sectionStartsMet: met,
    breaks: breaks.length,
    breaksMarked: marked,
    endsOnAnEnding,
    score: parts.length ? mean(parts) : 1,
  }
}
