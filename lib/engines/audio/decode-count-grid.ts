import type { Irregularity } from './analysis-schema'
import type { BreakSpan } from './detect-breaks'
import type { BeatCues } from './measure-beat-cues'
import { mean, median } from './signal-utils'

/**
 * The dancers' count, beat by beat: one hidden-Markov decode over the position of every beat
 * in the 8-count (1–8) plus a 2-beat bar of its own between phrases. The count runs 1→2→…→8→1
 * for free; anything else is an irregularity that costs (COUNT_GRID_COST), so it is taken only
 * where the music after it keeps asking for it:
 *  - a 4-count tag (counts 5–8 again: 8→5);
 *  - a 4-count phrase (4→1) and a 2-beat bar (8→x→x→1, or 2→5, 6→1);
 *  - a restart on a new 1 from anywhere, only after a gap in the beats or a pausa.
 * The observations are the bachata bar (bass on 1 and 3 and the anticipation, the slap on 4:
 * barTemplateAtBeats) for the position in the bar, chord changes for the bar line, and for
 * 1 against 5 what marks a phrase start (fills running into 1, energy entries, chord changes,
 * the tonic, section changes), each against the bar starts either side of it and pooled with
 * the same 8 beats where the song plays them again (poolEchoes); a bar that replays the one
 * before makes a tag cheaper there.
 */
export interface CountGrid {
  /** Per beat: position in the 8-count (0 = count 1 … 7 = count 8), 8–9 for a 2-beat bar between phrases. */
  states: number[]
  /** Beat indices of the downbeats (counts 1 and 5 and a 2-beat bar's first beat). */
  downbeats: number[]
  /** Beat indices of count 1. */
  countOnes: number[]
  /**
   * Per beat: how much more the music says "count 1" than "count 5" for a bar starting here
   * (log-odds, the decoder's own phrase evidence; 0 where the band is out).
   */
  phraseEvidence: number[]
}

export interface DecodeCountGridInput {
  /** [beat][0..3]: fit of each bar position (barTemplateAtBeats). */
  template: number[][]
  cues: BeatCues
  /** Beat times, seconds. */
  beatTimes: readonly number[]
  breaks: readonly BreakSpan[]
}

/** Weights, in units of each observation's spread across the song. */
export const COUNT_GRID_WEIGHTS = {
  /** Bar-position fit per beat. */
  template: 1.2,
  /** A chord change on a downbeat. */
  harmony: 0.6,
  /** 1 against 5: the phrase-start evidence, contrasted with the bar starts either side. */
  phrase: 0.2,
} as const
/**
 * Phrase-start cues (summed in units of their spread): what marks count 1 — the band's
 * entries, the fills that run into 1, the tonic chord that phrases come home to, and a chord
 * change (with one chord per bar it marks 1 and 5 alike and the contrast cancels; with a chord
 * per phrase, or a progression that turns on the phrase, it marks 1). The weights are a linear
 * discriminant of 1 against 5 fitted on the tuning set's bar starts (leave-one-song-out d' 1.8,
 * against 1.2 for the cues before: entry 1, fill in the mid band 0.7, tonic 1.5).
 */
const PHRASE_CUES = { entry: 1, fill: 4.7, tonic: 3.3, harmony: 1.7 } as const
/**
 * One bar's 1-against-5 contrast is clipped to this (cue units; a typical bar's is a few): a
 * song's ending (the final hit and its ring-out in the cue windows) or one odd bar must not
 * outvote phrases of evidence. Unclipped, one such bar let an outro take a tag in a regular
 * song of a wider tuning sweep (new seeds and tempi of the demo recipes, not the reported
 * set's); clipped at 8-10 nothing else changes on the tuning set, at 6 tags are lost.
 */
const PHRASE_CLIP = 9
/** A clear section change (a peak of the 8-beat change) votes for count 1 on its own. */
const SECTION_VOTE = 3
/**
 * Cost of leaving the lattice (a tag, a 4-count phrase, a 2-beat bar, a restart), in units of
 * the observations. Chosen on the tuning set (bench:count-one: the demo songs and
 * irregular-song-specs.ts), never on the reported set (count-one-test-set.ts): at 9 every
 * regular tuning song keeps its count (at 8, with the phrase weights above and before the clip,
 * one outro took a phase change), and a phase change that the phrase evidence after it asks for is taken where
 * that evidence turns. A cheaper jump at a detected section join was tried (4-6 there): that
 * detector fires a bar or a section away from the real tag often enough that the jump moved
 * there (tuning-set count-one F 0.879-0.891 against 0.901 with one cost).
 */
export const COUNT_GRID_COST = 9
/**
 * A restart where the beats stop for a pause of free length: the band re-enters on a new 1
 * (a pause is no count, so stepping the count across it is no more "regular" than a
 * restart). Kept above 0 so the music after the pause still has a say (a pickup into 1).
 */
export const RESTART_AFTER_PAUSE_COST = 2
/**
 * A restart where the band re-enters after a pausa the beats run through (a detected break):
 * a little cheaper than leaving the lattice anywhere else, so that where the phrase evidence
 * says the count changed somewhere around a pausa, the change goes on the re-entry, not a
 * phrase or two before it where the evidence happens to be weak (dev moderna-164-dx58: a
 * 4-count phrase taken 9 s before the break). Chosen on the dev set (bench:count-one-dev)
 * and a wider one (128 new seeds, every recipe with every edit plan): 7 → two dev songs gain
 * (0.955 → 0.978, 0.915 → 0.983), none lost; 6.5 → a restart after a pause of about whole
 * beats (which the tracker fills, so only the pausa marks it) is taken in two more
 * (clasica-164-dx82 0.966 → 0.983, a wide plan-7 song 0.842 → 0.982), none lost; 6 → a band
 * stop with a tag in it is counted as a 4-count phrase (one count one off); at 5 (and at 2–4,
 * tried before) a band stop that keeps the count takes a false restart (moderna-152-dx86
 * 1.000 → 0.780, three more songs a count one off). Tuning set unchanged from 6 to 7.
 */
export const RESTART_AT_BREAK_COST = 6.5
/**
 * A tag is cheaper where its bar replays the bar before (measureBeatCues' replay): by up to
 * this much, from REPLAY_FROM standard deviations above the song's usual bar-to-bar likeness
 * (full at 2 more). The tag still costs something, so the phrase evidence after it must ask
 * for the new phase; where it does, the tag goes on the replayed bar instead of a bar or a
 * phrase either side of it. The true tag bar is the most replayed bar of its song in 7 of 9
 * tuning tags, but ordinary songs have bars as replayed (a chord held over two bars, a mambo
 * vamp), which is why it is a discount, not a jump. Tuning set: tag F 0.56 without it, 0.90
 * with it; every regular song unchanged (0.996).
 */
const TAG_REPLAY_DISCOUNT = 8
const REPLAY_FROM = 0.5

/**
 * Weight of the echoes' pooled contrast against a bar's own (poolEchoes), and the edge over the
 * bar-shifted span at which an echo counts in full. Chosen on the dev and tuning sets
 * (bench:count-one-dev, bench:count-one), never the reported set. Dev irregular count-one F
 * 0.957 → 0.965 at 0.5 (0.966 at 1), tuning unchanged. At 1 a holdout demo song's live ending
 * (en-vivo-140-alt, whose last phrases' own cues read the wrong way) took a false tag; at 1.5,
 * or at 1 with every echo counted in full whatever its edge (or in full from an edge of 0.05),
 * a regular tuning song's outro vamp (lenta-134-v) did. Full from 0.1 or 0.2: the same results.
 */
const ECHO_POOL = 0.5
const EDGE_FULL = 0.15

/** Log-odds per unit of section margin (tuning set: wrong sections fall below 0.6). */
const SURENESS_SCALE = 1

const STATES = 10
const X0 = 8
const X1 = 9
const isDown = (s: number) => s === 0 || s === 4 || s === X0
const barPos = (s: number) => (s === X0 ? 0 : s === X1 ? 1 : s % 4)

type Kind = 'step' | 'phrase' | 'tag' | 'short' | 'restart'

export function decodeCountGrid(input: DecodeCountGridInput): CountGrid {
  const n = input.template.length
  if (n === 0) return { states: [], downbeats: [], countOnes: [], phraseEvidence: [] }
  const { gap, pause } = restartPoints(input)
  // A re-start on a new 1 from anywhere only where the beats have a gap or the band re-enters.
  const restartCost = (i: number) => (pause[i] ? RESTART_AFTER_PAUSE_COST : gap[i] ? RESTART_AT_BREAK_COST : Infinity)
  const { emit, phraseEvidence } = emissions(input)
  const replay = replayedBars(input.cues.replay)
  const cost = (i: number, kind: Kind): number => {
    switch (kind) {
      case 'step': return 0
      case 'tag': return COUNT_GRID_COST - TAG_REPLAY_DISCOUNT * replay[i]
      case 'restart': return restartCost(i)
      // From count 4 the re-start on 1 is this move: where a restart is cheaper, so is it.
      case 'phrase': return Math.min(restartCost(i), COUNT_GRID_COST)
      default: return COUNT_GRID_COST
    }
  }
  // Allowed transitions from each state: [to, kind].
  const moves: Array<Array<[number, Kind]>> = Array.from({ length: STATES }, (_, s) => {
    const out: Array<[number, Kind]> = []
    if (s < 8) out.push([(s + 1) % 8, 'step'])
    if (s === 3) out.push([0, 'phrase'])
    if (s === 7) out.push([4, 'tag'], [X0, 'short'])
    if (s === 1) out.push([4, 'short'])
    if (s === 5) out.push([0, 'short'])
    if (s === X0) out.push([X1, 'step'])
    if (s === X1) out.push([0, 'step'])
    if (s !== 7 && s !== 3 && s !== X1) out.push([0, 'restart'])
    return out
  })

  // Viterbi.
  const score = new Float64Array(n * STATES).fill(-Infinity)
  const back = new Int8Array(n * STATES).fill(-1)
  // The band comes in on a phrase start: counting from anything but 1 where it enters is an
  // irregularity like any other. Free, it let a whole first section be counted from 5 to save
  // the cost of a tag the music placed later (tuning set: the clasica tag songs). Before the
  // band enters (a rubato or solo intro the beats were tracked in) the count is free.
  const entry = bandEntry(input.cues.energyDb)
  const enter = (to: number) => (to === 0 ? 0 : COUNT_GRID_COST)
  for (let s = 0; s < 8; s++) score[s] = emit(0, s) - (entry === 0 ? enter(s) : 0)
  for (let i = 1; i < n; i++) {
    for (let s = 0; s < STATES; s++) {
      const prev = score[(i - 1) * STATES + s]
      if (prev === -Infinity) continue
      for (const [to, kind] of moves[s]) {
        const v = prev - (i === entry ? Math.min(cost(i, kind), COUNT_GRID_COST) + enter(to) : cost(i, kind))
        if (v > score[i * STATES + to]) { score[i * STATES + to] = v; back[i * STATES + to] = s }
      }
      // Where the band enters the count may start on 1 from anywhere.
      if (i === entry && prev > score[i * STATES]) { score[i * STATES] = prev; back[i * STATES] = s }
    }
    for (let s = 0; s < STATES; s++) score[i * STATES + s] += emit(i, s)
  }
  const states = new Array<number>(n)
  let best = 0
  for (let s = 1; s < STATES; s++) if (score[(n - 1) * STATES + s] > score[(n - 1) * STATES + best]) best = s
  states[n - 1] = best
  for (let i = n - 1; i > 0; i--) states[i - 1] = back[i * STATES + states[i]]

  return {
    states,
    downbeats: states.flatMap((s, i) => (isDown(s) ? [i] : [])),
    countOnes: states.flatMap((s, i) => (s === 0 ? [i] : [])),
    phraseEvidence,
  }
}

/** Log-emission per beat and state. */
function emissions({ template, cues }: DecodeCountGridInput): { emit: (i: number, s: number) => number; phraseEvidence: number[] } {
  const n = template.length
  // Only the differences between bar positions matter: centre each beat's row, then scale by the song's spread.
  const centred = template.map((r) => { const m = mean(r); return r.map((x) => x - m) })
  const sd = Math.sqrt(mean(centred.flatMap((r) => r.map((x) => x * x)))) || 1
  const harmony = zScores(cues.harmony)
  const phraseCues = { ...cues, tonic: tonicOfProgression(cues.tonic) }
  const z = Object.fromEntries(Object.keys(PHRASE_CUES).map((k) => [k, zScores(phraseCues[k as keyof typeof PHRASE_CUES])])) as Record<keyof typeof PHRASE_CUES, number[]>
  const peaks = sectionPeaks(cues.section)
  const e = Array.from({ length: n }, (_, i) => (Object.keys(PHRASE_CUES) as (keyof typeof PHRASE_CUES)[]).reduce((a, k) => a + PHRASE_CUES[k] * z[k][i], SECTION_VOTE * peaks[i]))
  // 1 against 5 is a contrast with the neighbouring bar starts: a count 1 stands out from the 5s either side.
  const own = e.map((v, i) => Math.max(-PHRASE_CLIP, Math.min(PHRASE_CLIP, v - ((e[i - 4] ?? v) + (e[i + 4] ?? v)) / 2)))
  const phrase = poolEchoes(own, cues.echoes)
  const refDb = median(cues.energyDb)
  const out = cues.energyDb.map((db) => db < refDb - 12) // the band is out: nothing heard either way
  const W = COUNT_GRID_WEIGHTS
  const phraseEvidence = phrase.map((v, i) => (out[i] ? 0 : W.phrase * v))
  const emit = (i: number, s: number) => {
    if (out[i]) return 0
    let v = (W.template * centred[i][barPos(s)]) / sd
    if (isDown(s)) v += W.harmony * harmony[i]
    if (s === 0) v += (W.phrase * phrase[i]) / 2
    else if (s === 4 || s === X0) v -= (W.phrase * phrase[i]) / 2
    return v
  }
  return { emit, phraseEvidence }
}

/**
 * Each bar start's 1-against-5 contrast plus its echoes' (findEchoes: where the song plays the
 * same 8 beats again, which start on the same count whatever tags or short bars lie between):
 * a verse whose own cues are weak, or the bars after a tag, borrow the evidence of the
 * repeats that are clear. Each echo counts by its likeness, and in full only where the same
 * span a bar either way is clearly less alike (EDGE_FULL): in a vamp every bar sounds the
 * same and an echo found there says nothing about 1 against 5.
 */
function poolEchoes(own: readonly number[], echoes: BeatCues['echoes']): number[] {
  return own.map((v, i) => {
    const ech = echoes?.[i] ?? []
    let sum = 0, weight = 0
    for (const x of ech) { sum += x.weight * clamp(x.edge / EDGE_FULL) * own[x.beat]; weight += x.weight }
    return weight > 0 ? v + (ECHO_POOL * sum) / weight : v
  })
}

/**
 * Per beat, the tonic cue of the progression a phrase starting there belongs to: its own bar's,
 * or the bar's one 8-count before, whichever is nearer the tonic. A progression of four chords,
 * one a bar, spans two 8-counts and comes home to the tonic only on the first one's 1; the second
 * one's 1 sits on the IV or the vi, often further from the tonic than the first one's 5 (vi
 * shares two notes with I). Pooled with the bar an 8-count back, both 1s read as the tonic and
 * both 5s as the weaker chord; with a two-chord vamp nothing changes, and with one chord a
 * phrase 1 and 5 share their chord either way. Backward only: pooled both ways, one regular
 * dev song kept a wrong phase (bench:count-one-dev, 40 songs then: regular 0.931 against 0.942
 * backward). Dev set 80 songs:
 * count-one F regular 0.948 → 0.959, irregular 0.930 → 0.948 (four songs' phase righted, none
 * lost); tuning set: irregular 0.986 → 0.979 (a tag in lenta-134-tag-stop found a phrase later).
 * The cost is where the count changes: for 8 beats after a tag or a 2-beat bar the pooled bar
 * still carries the old phase's tonic, so the change can be placed a bar or a phrase off (the
 * reported set's one run showed it too: romantica-rubato-154-x9, its 2-beat bar a bar early).
 */
function tonicOfProgression(tonic: readonly number[]): number[] {
  return tonic.map((v, i) => Math.max(v, tonic[i - 8] ?? v))
}

/**
 * The beat where the band comes in: 0 when it plays from the first bar on; after a quiet
 * intro the beats were tracked in (a rubato or solo requinto, its bar 10 dB or more below the
 * song's median), the first beat where the level steps up to within 6 dB of it.
 */
function bandEntry(energyDb: readonly number[]): number {
  const ref = median(energyDb)
  const bar = (i: number) => mean(energyDb.slice(i, i + 4) as number[])
  if (energyDb.length < 8 || bar(0) >= ref - 10) return 0
  for (let i = 4; i + 4 <= energyDb.length; i++) if (bar(i) >= ref - 6 && bar(i - 4) <= ref - 10) return i
  return 0
}

/** Per beat: a gap in the beats before it (a pause), or that or the band's re-entry after a pausa. */
function restartPoints({ beatTimes, breaks }: Pick<DecodeCountGridInput, 'beatTimes' | 'breaks'>): { gap: boolean[]; pause: boolean[]; reentry: boolean[] } {
  const beat = median(beatTimes.slice(1).map((t, i) => t - beatTimes[i])) || 0.5
  const pause = beatTimes.map((t, i) => i > 0 && t - beatTimes[i - 1] > 1.4 * beat)
  const reentry = beatTimes.map((_, i) => breaks.some((b) => Math.abs(i - b.endBeat) <= 1))
  return { pause, reentry, gap: pause.map((p, i) => p || reentry[i]) }
}

/** Per beat, 0–1: how far the bar starting here replays the one before beyond the song's usual. */
function replayedBars(replay: readonly number[]): number[] {
  return zScores(replay).map((v) => clamp((v - REPLAY_FROM) / 2))
}

/** Per beat, 0–1: a peak of the 8-beat section change, by how far it stands out of the song's spread. */
function sectionPeaks(section: readonly number[]): number[] {
  const sec = zScores(section)
  return sec.map((v, i) => (v >= Math.max(...sec.slice(Math.max(0, i - 2), i + 3)) ? clamp((v - 1) / 2) : 0))
}

function zScores(v: readonly number[]): number[] {
  const m = mean(v as number[])
  const sd = Math.sqrt(mean(v.map((x) => (x - m) ** 2))) || 1
  return v.map((x) => (x - m) / sd)
}

const clamp = (x: number) => Math.max(0, Math.min(1, x))

/** What the decoded count does that a regular lattice does not, for the UI and the blueprint. */
export function describeCountGrid(grid: CountGrid, beatTimes: readonly number[], breaks: readonly BreakSpan[]): Irregularity[] {
  const out: Irregularity[] = []
  const s = grid.states
  // After a gap in the beats, 6 → 1 is a re-start across the pause, not a 2-beat bar.
  const { pause: paused, reentry: afterBreak } = restartPoints({ beatTimes, breaks })
  for (let i = 1; i < s.length; i++) {
    const a = s[i - 1], b = s[i]
    if (a < 8 && b === (a + 1) % 8) continue
    if (a === X0 || a === X1) continue
    const time = beatTimes[i]
    if (a === 7 && b === 4) out.push({ time, kind: 'tag', counts: 4 })
    else if (a === 7 && b === X0) out.push({ time, kind: 'short-bar', counts: 2 })
    else if ((a === 1 && b === 4) || (a === 5 && b === 0 && !paused[i])) out.push({ time, kind: 'short-bar', counts: -2 })
    else {
      // A re-start on a new 1: the counts the cut-short phrase lost (a pause between is no count).
      out.push({ time, kind: afterBreak[i] ? 'break' : 'restart', counts: a < 8 ? a + 1 - 8 : -8 })
    }
  }
  // A band stop the count runs through: where the dancers hold, with no count lost.
  for (const br of breaks) {
    const t = beatTimes[br.startBeat]
    if (!out.some((r) => Math.abs(r.time - beatTimes[Math.min(br.endBeat, s.length - 1)]) < 1e-9)) out.push({ time: t, kind: 'break', counts: 0 })
  }
  return out.sort((x, y) => x.time - y.time)
}

/**
 * How sure the count one is over [start, end), 0–1: the evidence for the decoded 1s against
 * the same bars counted the other way round (1 and 5 swapped), as a probability. Where the
 * music says little either way, or says the opposite of the decode (a tag the decoder did not
 * take), this falls below the UI's "sure": that is where the errors are. The decoder's own
 * posterior was tried and is not this: with the costs it is near 1 wherever it is wrong.
 */
export function sectionCountSureness(grid: CountGrid, beatTimes: readonly number[], start: number, end: number): number {
  let margin = 0
  let bars = 0
  grid.states.forEach((s, i) => {
    if (beatTimes[i] < start || beatTimes[i] >= end) return
    if (s === 0) { margin += grid.phraseEvidence[i]; bars++ }
    else if (s === 4) { margin -= grid.phraseEvidence[i]; bars++ }
  })
  return bars ? 1 / (1 + Math.exp(-margin / SURENESS_SCALE)) : 0
}
