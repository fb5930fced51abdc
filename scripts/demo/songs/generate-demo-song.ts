import type { SectionLabel } from '@/lib/engines/dance/vocabulary'
import type { DemoSongSpec } from './demo-song-spec'
import { planDemoSong, type SongPlan } from './plan-demo-song'
import { createRandom } from './random'
import { renderPausaLick, renderRequinto, renderRubato, renderSegunda, renderVoice, chordTones } from './render-melody'
import { renderBass, renderBongo, renderGuira, renderHit, SECTION_GAIN } from './render-rhythm'
import { addPluck, applyReverb, type Mix } from './synth-voices'

export interface Span { start: number; end: number }

/**
 * An irregularity of the arrangement, where it is (the first beat it affects, or the start of
 * the free-time or fading material) and how many counts it adds to the 8-count lattice. The
 * generator's own (a rubato intro, a tempo step after a pausa, a pausa, a fade-out) are read
 * off the plan; splice-irregular-song adds the edits (tag, 2-beat bar, restart, band stop).
 */
export interface IrregularityTruth {
  time: number
  /** Where a span kind (rubato intro, fade-out, band stop) ends. */
  end?: number
  kind: 'tag' | 'short-bar' | 'restart' | 'band-stop' | 'rubato-intro' | 'tempo-step' | 'fade-out'
  countsGained: number
}

/** The kinds that are count events (the count changes, or the band stops while it runs on); a rubato intro, tempo step or fade-out is none. */
export const COUNT_EVENT_KINDS: ReadonlyArray<IrregularityTruth['kind']> = ['tag', 'short-bar', 'restart', 'band-stop']

/** What the analysis should find, read off the plan the audio was rendered from. */
export interface DemoSongTruth {
  name: string
  bpm: number
  beats: number[]
  downbeats: number[]
  countOne: number[]
  sections: Array<Span & { label: SectionLabel }>
  breaks: Span[]
  mambos: Span[]
  irregularities: IrregularityTruth[]
  durationSeconds: number
  key: string
}

export interface DemoSong {
  pcm: Float32Array
  sampleRate: number
  truth: DemoSongTruth
}

/** Bump when the synthesis changes: it keys the on-disk cache of rendered songs. */
export const DEMO_SONG_GENERATOR_VERSION = 2
const PITCH = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B']

export function generateDemoSong(spec: DemoSongSpec, opts: { sampleRate?: number } = {}): DemoSong {
  const sampleRate = opts.sampleRate ?? 22050
  const plan = planDemoSong(spec)
  const mix: Mix = { out: new Float32Array(Math.ceil(plan.endSeconds * sampleRate)), sampleRate, random: createRandom(spec.seed) }

  if (spec.preRoll.kind === 'rubato') {
    renderRubato(mix, plan, plan.bars.slice(0, 8).filter((_, i) => i % 2 === 0).map((b) => b.chord), 0.3, plan.gridStart - 0.4)
  }
  for (const bar of plan.bars) {
    const gain = SECTION_GAIN[bar.label] * bar.fade * (0.92 + 0.08 * Math.sin(bar.index * 0.7))
    if (bar.pausa) {
      if (bar.pausaHit) {
        renderHit(mix, plan, bar.firstBeat, bar.chord.root, gain)
        for (const m of chordTones(bar.chord, 52, 64)) addPluck(mix, plan.grid[bar.firstBeat] + 0.004, m, 0.3 * gain, { seconds: 0.5 })
      }
      if (spec.breakKind === 'requinto') renderPausaLick(mix, plan, bar)
      continue
    }
    renderSegunda(mix, plan, bar, gain)
    renderRequinto(mix, plan, bar, gain)
    renderVoice(mix, plan, bar, gain)
    renderBass(mix, plan, bar, gain)
    renderBongo(mix, plan, bar, gain)
    renderGuira(mix, plan, bar, gain)
  }
  if (spec.ending === 'hit') {
    const finalBeat = plan.grid.length - 1
    renderHit(mix, plan, finalBeat, spec.key.tonic, 1)
    for (const m of chordTones({ root: spec.key.tonic, quality: spec.key.minor ? 'min' : 'maj' }, 52, 76)) {
      addPluck(mix, plan.grid[finalBeat] + 0.005, m, 0.3, { seconds: 2.2, brightness: 0.5 })
    }
  }

  applyReverb(mix.out, sampleRate, 0.18)
  if (spec.hiss > 0) {
    let lp = 0
    for (let i = 0; i < mix.out.length; i++) {
      lp += 0.3 * (mix.random.next() * 2 - 1 - lp)
      mix.out[i] += spec.hiss * lp
    }
  }
  master(mix.out)
  return { pcm: mix.out, sampleRate, truth: truthOf(plan) }
}

/** Loud, limited master like a commercial record: RMS to -16 dBFS, then a soft clipper. */
function master(x: Float32Array) {
  let e = 0
  for (let i = 0; i < x.length; i++) e += x[i] * x[i]
  const rms = Math.sqrt(e / Math.max(1, x.length))
  const gain = rms > 0 ? 10 ** (-16 / 20) / rms : 1
  for (let i = 0; i < x.length; i++) x[i] = 0.95 * Math.tanh(x[i] * gain)
}

function truthOf(plan: SongPlan): DemoSongTruth {
  const { spec, grid, bars } = plan
  const beatCount = bars.length * 4 + (spec.ending === 'hit' ? 1 : 0)
  const beats = grid.slice(0, beatCount)
  // The final hit lands where the next phrase would start: a bar line and a count one.
  const hit = spec.ending === 'hit' ? [grid[bars.length * 4]] : []
  const downbeats = [...bars.map((b) => grid[b.firstBeat]), ...hit]
  // Count one is where a phrase of the form starts: every part is whole phrases of two bars.
  const countOne = [...bars.filter((b) => b.barInPart % 2 === 0).map((b) => grid[b.firstBeat]), ...hit]
  const sections: DemoSongTruth['sections'] = []
  const breaks: Span[] = []
  const irregularities: IrregularityTruth[] = []
  if (spec.preRoll.kind !== 'none') sections.push({ label: 'intro', start: 0, end: plan.gridStart })
  if (spec.preRoll.kind === 'rubato') irregularities.push({ time: 0, end: plan.gridStart, kind: 'rubato-intro', countsGained: 0 })
  const partEnd = (barIdx: number) => grid[Math.min(grid.length - 1, (barIdx + 1) * 4)]
  bars.forEach((bar, i) => {
    if (bar.barInPart === 0) sections.push({ label: bar.label, start: grid[bar.firstBeat], end: partEnd(i + bar.barsInPart - 1) })
    if (bar.pausaHit) {
      const lastBar = i + (bar.barsInPart - bar.barInPart) - 1
      breaks.push({ start: grid[bar.firstBeat], end: partEnd(lastBar) })
      // A pausa of the form: the count runs on through it, the band re-enters on count 1.
      irregularities.push({ time: grid[bar.firstBeat], end: partEnd(lastBar), kind: 'band-stop', countsGained: 0 })
    }
  })
  if (plan.tempoStepBeat !== null) irregularities.push({ time: grid[plan.tempoStepBeat], kind: 'tempo-step', countsGained: 0 })
  const fading = bars.find((b) => b.fade < 1)
  if (fading) irregularities.push({ time: grid[fading.firstBeat], end: plan.endSeconds, kind: 'fade-out', countsGained: 0 })
  const mambos = sections.filter((s) => s.label === 'mambo').map(({ start, end }) => ({ start, end }))
  const ibis = beats.slice(1).map((t, i) => t - beats[i]).sort((a, b) => a - b)
  return {
    name: spec.name,
    bpm: 60 / ibis[Math.floor(ibis.length / 2)],
    beats, downbeats, countOne, sections, breaks, mambos,
    irregularities: irregularities.sort((a, b) => a.time - b.time),
    durationSeconds: plan.endSeconds,
    key: `${PITCH[spec.key.tonic]}${spec.key.minor ? 'm' : ''}`,
  }
}
