import type { BarPlan, SongPlan } from './plan-demo-song'
import { addBass, addBongo, addCowbell, addGuira, type Mix } from './synth-voices'
import { beatsToSeconds, noteTime } from './timing'

/**
 * Bass, bongo and güira for one bar, as a bachata band plays them: bass on 1 and 3 with the
 * anticipation of the next chord on the "and" of 4 (often tied over the next 1), bongo
 * martillo with the slap on 4, güira long stroke on the beat and short strokes between.
 */
export const SECTION_GAIN: Record<BarPlan['label'], number> = {
  intro: 0.55, verse: 0.8, chorus: 1, mambo: 1.25, outro: 0.7,
}

const bassMidi = (pc: number) => 28 + ((pc + 12) % 12)

export function renderBass(mix: Mix, plan: SongPlan, bar: BarPlan, gain: number) {
  const { spec } = plan
  const b = bar.firstBeat
  const root = bassMidi(bar.chord.root)
  const fifth = root + 7
  const prev = plan.bars[bar.index - 1]
  const anticipatedHere = prev && !prev.pausa && prev.label !== 'intro'
  const nextOk = bar.nextChord && !plan.bars[bar.index + 1]?.pausa
  const a = 0.55 * gain
  const notes: Array<[number, number, number, number]> = [] // pos, midi, amp, beats
  if (bar.label === 'intro') {
    notes.push([0, root, a * 0.8, 2], [2, fifth, a * 0.7, 2])
  } else if (bar.label === 'outro') {
    notes.push([0, root, a, 3.5])
  } else {
    // A tied downbeat: the anticipation already sounded this root half a beat early.
    const tied = anticipatedHere && mix.random.chance(spec.tiedDownbeats)
    if (!tied) notes.push([0, root, a, bar.label === 'mambo' ? 1.5 : 2])
    if (bar.label === 'mambo') notes.push([1.5, root + 12, a * 0.7, 0.5])
    notes.push([2, mix.random.chance(0.5) ? fifth : root + 12, a * 0.9, bar.label === 'mambo' ? 1 : 1.5])
    if (bar.label === 'mambo') notes.push([3, fifth, a * 0.8, 0.5])
    if (nextOk) notes.push([3.5, bassMidi(bar.nextChord!.root), a * (0.6 + 0.6 * spec.offbeat), 1])
    else notes.push([3, root, a * 0.8, 1])
  }
  for (const [pos, midi, amp, beats] of notes) {
    addBass(mix, noteTime(plan, mix.random, b, pos, 8), midi, amp * mix.random.range(0.9, 1.1), beatsToSeconds(plan, b, beats))
  }
}

export function renderBongo(mix: Mix, plan: SongPlan, bar: BarPlan, gain: number) {
  const off = plan.spec.offbeat
  const b = bar.firstBeat
  const vary = () => mix.random.range(0.85, 1.15)
  if (bar.label === 'mambo') {
    // The bongocero switches to the campana: quarter notes on the mouth of the bell (it
    // drives the beat, as in real mambos), a light touch of the neck on the "and" of 2 and 4.
    for (let beat = 0; beat < 4; beat++) {
      addCowbell(mix, noteTime(plan, mix.random, b, beat, -3), (beat === 0 ? 0.75 : 0.6) * gain * vary(), false)
      if (beat % 2 === 1) addCowbell(mix, noteTime(plan, mix.random, b, beat + 0.5, -3), 0.25 * gain * vary(), true)
    }
    return
  }
  if (bar.label === 'intro') return
  const sparse = bar.label === 'outro'
  for (let i = 0; i < 8; i++) {
    const pos = i / 2
    if (sparse && i % 2 === 1 && i !== 7) continue
    let stroke: 'finger' | 'thumb' | 'open' | 'slap' = i % 2 === 0 ? 'finger' : 'thumb'
    let amp = i % 2 === 0 ? 0.42 : 0.3 * (0.5 + 1.2 * off)
    if (i === 6) { stroke = 'slap'; amp = 0.9 }
    if (i === 7) { stroke = 'open'; amp = (bar.label === 'chorus' ? 0.55 : 0.42) * (0.6 + 0.6 * off) }
    addBongo(mix, noteTime(plan, mix.random, b, pos, -4), stroke, amp * gain * vary())
  }
}

export function renderGuira(mix: Mix, plan: SongPlan, bar: BarPlan, gain: number) {
  if (bar.label === 'intro') return
  const off = plan.spec.offbeat
  const b = bar.firstBeat
  const vary = () => mix.random.range(0.85, 1.15)
  for (let beat = 0; beat < 4; beat++) {
    addGuira(mix, noteTime(plan, mix.random, b, beat, -6), true, 0.5 * gain * vary())
    if (bar.label === 'outro') continue
    addGuira(mix, noteTime(plan, mix.random, b, beat + 0.5, -6), false, 0.42 * (0.3 + 1.8 * off) * gain * vary())
    if (bar.label === 'mambo') {
      addGuira(mix, noteTime(plan, mix.random, b, beat + 0.25, -6), false, 0.3 * gain * vary())
      addGuira(mix, noteTime(plan, mix.random, b, beat + 0.75, -6), false, 0.3 * gain * vary())
    } else if ((plan.spec.seed + beat) % 3 === 0) {
      addGuira(mix, noteTime(plan, mix.random, b, beat + 0.75, -6), false, 0.22 * gain * vary())
    }
  }
}

/** The band's hit that opens a pausa (and the final hit of a song). */
export function renderHit(mix: Mix, plan: SongPlan, beat: number, rootPc: number, gain: number) {
  addBass(mix, noteTime(plan, mix.random, beat, 0, 5), bassMidi(rootPc), 0.7 * gain, 0.5)
  addBongo(mix, noteTime(plan, mix.random, beat, 0, 0), 'slap', 0.9 * gain)
  addGuira(mix, noteTime(plan, mix.random, beat, 0, 0), false, 0.5 * gain)
}
