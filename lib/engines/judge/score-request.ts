import { DIFFICULTY_RANK } from '@/lib/engines/dance/vocabulary'
import { mean } from '@/lib/shared/numbers'
import { DANCE_ENERGY } from './score-energy'
import type { JudgeContext, JudgedAnnotation } from './judge-types'

export interface DifficultyScore {
  /** Share of moves at or below the requested level (above it the dancers cannot do them: a fault). */
  withinLevel: number
  /** Share of moves at exactly the requested level. */
  atLevel: number
  /** Closeness to the level: 1 at it, ½ one below, 0 two below or above (an advanced routine of basics is no fit either). */
  score: number
}

export interface RequestScore {
  excludesHonoured: boolean
  /** Moves of an excluded family, or entering/leaving an excluded hold. */
  excludeViolations: number
  /** Share of the families and named moves asked for (include, or emphasised "more") that appear. */
  includes: number | null
  /** Share of "fewer X" wishes kept. */
  fewer: number | null
  style: number | null
  mood: number | null
  energy: number | null
  /** 1 within one 8-count of the asked length (or of the song when none was asked), falling off linearly. */
  duration: number
  coveredSeconds: number
  targetSeconds: number
  /** The soft parts (includes, fewer, style, mood, energy, length); excludes are faults, counted per move. */
  score: number
  /** Per move: neither excluded (family or hold) nor above the requested level. */
  perMoveAllowed: boolean[]
}

/** A requested move name matches an annotation by id or by name, case and punctuation aside. */
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
function namesMove(a: Pick<JudgedAnnotation, 'id' | 'name'>, wanted: string): boolean {
  const w = norm(wanted)
  const name = norm(a.name)
  return w.length > 0 && (norm(a.id) === w || name === w || name.includes(w))
}

export function scoreDifficulty(ctx: JudgeContext): DifficultyScore | null {
  const level = ctx.request.difficulty
  if (level === null) return null
  const ranks = ctx.moves.map((m, i) => DIFFICULTY_RANK[ctx.annotations[i]?.difficulty ?? m.difficulty])
  const want = DIFFICULTY_RANK[level]
  const withinLevel = mean(ranks.map((r) => Number(r <= want)))
  const atLevel = mean(ranks.map((r) => Number(r === want)))
  return { withinLevel, atLevel, score: mean(ranks.map((r) => (r > want ? 0 : 1 - (want - r) / 2))) }
}

export function scoreRequest(ctx: JudgeContext): RequestScore {
  const { moves, annotations, request: req, grid } = ctx
  const family = (i: number) => annotations[i]?.family ?? moves[i].family
  const familyCount = (f: string) => moves.filter((_, i) => family(i) === f).length
  const excluded = moves.map((m, i) => {
    const a = annotations[i]
    return req.excludeFamilies.includes(family(i)) ||
      (!!a && (req.excludeHolds.includes(a.entry.hold) || req.excludeHolds.includes(a.exit.hold)))
  })
  const excludeViolations = excluded.filter(Boolean).length
  const cap = req.difficulty === null ? Infinity : DIFFICULTY_RANK[req.difficulty]
  const perMoveAllowed = moves.map((m, i) => !excluded[i] && DIFFICULTY_RANK[annotations[i]?.difficulty ?? m.difficulty] <= cap)

  const wantedFamilies = new Set([
    ...req.includeFamilies,
    ...req.emphasis.filter((e) => e.direction === 'more' && e.count === null).map((e) => e.family),
  ].filter((f) => !req.excludeFamilies.includes(f)))
  const wanted = [
    ...[...wantedFamilies].map((f) => familyCount(f) > 0),
    ...req.emphasis.filter((e) => e.direction === 'more' && e.count !== null).map((e) => familyCount(e.family) >= e.count!),
    ...req.includeMoves.map((n) => moves.some((m, i) => namesMove(annotations[i] ?? { id: m.moveId, name: m.name }, n))),
  ]
  const fewerWishes = req.emphasis.filter((e) => e.direction === 'fewer')
  // "Fewer spins" without a number: at most one in twenty moves (and at least one allowed).
  const fewer = fewerWishes.map((e) => familyCount(e.family) <= (e.count ?? Math.max(1, Math.floor(moves.length / 20))))

  const style = req.style === null ? null : mean(moves.map((m, i) => Number((annotations[i]?.styles ?? m.styles).includes(req.style!))))
  const mood = req.moods.length === 0 ? null : mean(annotations.map((a) => Number(!!a && a.moods.some((x) => req.moods.includes(x)))))
  const energy = req.energy === null ? null
    : 1 - Math.abs(mean(moves.map((m, i) => DANCE_ENERGY[annotations[i]?.energy ?? m.energy])) - DANCE_ENERGY[req.energy])

  const first = ctx.blueprint.moves[0]
  const coveredSeconds = ctx.blueprint.moves[ctx.blueprint.moves.length - 1].songEnd - first.songStart
  // A count-in needs four of the song's beats before the first move: when the first count one
  // has fewer, the dance can only start on a later one (the request still asks for a count-in).
  const earliest = req.countIn
    ? grid.countOnes.find((t) => grid.beats.filter((b) => b < t - grid.beatPeriod / 4).length >= 4) ?? grid.firstCountOne
    : grid.firstCountOne
  const songSpan = grid.gridEnd - earliest
  // Asking for more than the song holds gets the song.
  const targetSeconds = req.durationSeconds === null ? songSpan : Math.min(req.durationSeconds, songSpan)
  const slack = 8 * grid.beatPeriod
  const err = Math.abs(coveredSeconds - targetSeconds)
  const duration = err <= slack ? 1 : Math.max(0, 1 - (err - slack) / targetSeconds)

  const includes = wanted.length ? mean(wanted.map(Number)) : null
  const fewerShare = fewer.length ? mean(fewer.map(Number)) : null
  const parts = [includes, fewerShare, style, mood, energy, duration]
    .filter((x): x is number => x !== null)
  return {
    excludesHonoured: excludeViolations === 0,
    excludeViolations,
    includes,
    fewer: fewerShare,
    style,
    mood,
    energy,
    duration,
    coveredSeconds,
    targetSeconds,
    score: mean(parts),
    perMoveAllowed,
  }
}
