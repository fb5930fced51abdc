import type { DemoSong, DemoSongTruth, IrregularityTruth, Span } from './generate-demo-song'

export type { IrregularityTruth }

/**
 * The irregularities real bachata arrangements have, made by editing a regular demo song the
 * way a band (or an editor) does: a 4-count tag (the band plays counts 5–8 once more), a
 * 2-beat bar where two sections join, a restart after a pause of free length, and a band stop
 * of one bar inside a phrase (the count goes on through it).
 *
 * The truth is carried through the edit: beats and downbeats move with the audio they belong
 * to, and count one is where the arrangement's phrases start — before an inserted tag or short
 * bar the old phrases, after it the re-synced ones. It is never "every 8th beat": after a tag
 * the phrase starts are 4 beats off that lattice, after a short bar 2, after a restart anything.
 */
export type Irregularity =
  | { kind: 'tag'; beforePhrase: number }
  | { kind: 'short-bar'; beforePhrase: number }
  | { kind: 'restart'; beforePhrase: number; pauseSeconds: number }
  | {
    kind: 'band-stop'; inPhrase: number
    /** 1 (default): counts 5–8 go silent; 2: the whole 8-count. */
    bars?: 1 | 2
    /** 1 (default): the band comes back on the next phrase's 1; 5: a one-bar stop over counts 1–4, back on 5. */
    reentersOn?: 1 | 5
  }

/** The generator's truth with the edits' irregularities added to its own (rubato intro, pausas, tempo step, fade-out). */
export type IrregularSongTruth = DemoSongTruth

/** Cuts sit this far before a beat: pluck and güira strokes land a few ms early, keep them whole. */
const LEAD = 0.03
const FADE = 0.004

export function spliceIrregularSong(song: DemoSong, edits: readonly Irregularity[], name: string): { pcm: Float32Array; sampleRate: number; truth: IrregularSongTruth } {
  let pcm = song.pcm
  let truth: IrregularSongTruth = { ...structuredClone(song.truth), name }
  // Latest first, so each edit's phrase index still refers to the song as generated.
  const ordered = [...edits].sort((a, b) => phraseOf(b) - phraseOf(a))
  for (const edit of ordered) ({ pcm, truth } = applyEdit(pcm, song.sampleRate, truth, edit))
  truth.irregularities.sort((a, b) => a.time - b.time)
  truth.durationSeconds = pcm.length / song.sampleRate
  return { pcm, sampleRate: song.sampleRate, truth }
}

const phraseOf = (e: Irregularity) => (e.kind === 'band-stop' ? e.inPhrase : e.beforePhrase)

function applyEdit(pcm: Float32Array, sr: number, truth: IrregularSongTruth, edit: Irregularity) {
  const beats = truth.beats
  if (edit.kind === 'band-stop') {
    // Counts 5–8 (or 1–8, or 1–4) of the phrase go silent; the dancers (and the truth) keep counting.
    const one = truth.countOne[edit.inPhrase]
    const k = beats.findIndex((b) => Math.abs(b - one) < 1e-6)
    const b = edit.reentersOn === 5 ? k + 4 : k + 8
    const a = b - 4 * (edit.bars ?? 1)
    if (a < k) throw new Error('a stop that re-enters on 5 is one bar long')
    const from = beats[a] - LEAD
    const to = beats[b] - LEAD
    const out = pcm.slice()
    silence(out, sr, from, to)
    const breaks = [...truth.breaks, { start: beats[a], end: beats[b] }].sort((a, b) => a.start - b.start)
    return { pcm: out, truth: { ...truth, breaks, irregularities: [...truth.irregularities, { time: beats[a], end: beats[b], kind: 'band-stop' as const, countsGained: 0 }] } }
  }
  const at = truth.countOne[edit.beforePhrase]
  const k = beats.findIndex((b) => Math.abs(b - at) < 1e-6)
  if (k < 4) throw new Error(`phrase ${edit.beforePhrase} has no bar before it to copy`)
  let inserted: Float32Array
  let shift: number
  let newBeats: number[] = []
  let newDownbeats: number[] = []
  let counts = 0
  if (edit.kind === 'restart') {
    shift = edit.pauseSeconds
    inserted = new Float32Array(Math.round(shift * sr))
  } else {
    const back = edit.kind === 'tag' ? 4 : 2
    const src = beats[k - back]
    shift = at - src
    inserted = pcm.slice(Math.round((src - LEAD) * sr), Math.round((src - LEAD) * sr) + Math.round(shift * sr))
    newBeats = beats.slice(k - back, k).map((b) => b + shift)
    newDownbeats = [at] // the inserted bar (4 or 2 beats) starts a bar of its own
    counts = back
  }
  const cut = Math.round((at - LEAD) * sr)
  const out = new Float32Array(pcm.length + inserted.length)
  out.set(pcm.subarray(0, cut), 0)
  out.set(inserted, cut)
  out.set(pcm.subarray(cut), cut + inserted.length)
  // Short fades at both seams: no click for a tracker to take as an onset.
  fadeAround(out, cut, sr)
  fadeAround(out, cut + inserted.length, sr)

  const moved = (t: number) => (t >= at - LEAD ? t + shift : t)
  const movedSpan = <T extends Span>(s: T): T => ({ ...s, start: moved(s.start), end: s.end > at - LEAD ? s.end + shift : s.end })
  const before = (xs: number[]) => xs.filter((t) => t < at - LEAD)
  const after = (xs: number[]) => xs.filter((t) => t >= at - LEAD).map((t) => t + shift)
  const breaks = truth.breaks.map(movedSpan)
  if (edit.kind === 'restart') breaks.push({ start: at, end: at + shift })
  return {
    pcm: out,
    truth: {
      ...truth,
      beats: [...before(beats), ...newBeats, ...after(beats)],
      downbeats: [...before(truth.downbeats), ...newDownbeats, ...after(truth.downbeats)],
      countOne: [...before(truth.countOne), ...after(truth.countOne)],
      sections: truth.sections.map(movedSpan),
      breaks: breaks.sort((a, b) => a.start - b.start),
      mambos: truth.mambos.map(movedSpan),
      irregularities: [
        ...truth.irregularities.map((i) => ({ ...i, time: moved(i.time), ...(i.end === undefined ? {} : { end: i.end > at - LEAD ? i.end + shift : i.end }) })),
        { time: at, kind: edit.kind, countsGained: counts },
      ],
    },
  }
}

function silence(x: Float32Array, sr: number, from: number, to: number) {
  const a = Math.round(from * sr), b = Math.round(to * sr), f = Math.round(FADE * sr)
  for (let i = a; i < b && i < x.length; i++) {
    const edge = Math.min(i - a, b - 1 - i)
    x[i] *= edge < f ? 1 - edge / f : 0
  }
}

function fadeAround(x: Float32Array, at: number, sr: number) {
  const f = Math.round(FADE * sr)
  for (let i = Math.max(0, at - f); i < Math.min(x.length, at + f); i++) x[i] *= Math.abs(i - at) / f
}
