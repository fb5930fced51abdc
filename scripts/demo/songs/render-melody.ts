import type { BarPlan, Chord, SongPlan } from './plan-demo-song'
import { addPluck, addVoice, type Mix } from './synth-voices'
import { beatsToSeconds, noteTime } from './timing'

/**
 * Guitars and voice for one bar: the segunda's bordoneo (bass string on the beat, chord tones
 * on the sixteenths), moderna chucks on the "and", the requinto's arpeggios, fills and mambo
 * riff (accented 3-3-2, so its loudest notes fall between beats) and a sung line that
 * anticipates the bar.
 */
const INTERVALS: Record<Chord['quality'], number[]> = { maj: [0, 4, 7], min: [0, 3, 7], dom7: [0, 4, 7, 10] }

export function chordTones(chord: Chord, lo: number, hi: number): number[] {
  const out: number[] = []
  for (let m = lo; m <= hi; m++) if (INTERVALS[chord.quality].some((i) => (chord.root + i) % 12 === ((m % 12) + 12) % 12)) out.push(m)
  return out
}

export function renderSegunda(mix: Mix, plan: SongPlan, bar: BarPlan, gain: number) {
  const b = bar.firstBeat
  const tones = chordTones(bar.chord, 52, 67)
  const bassString = 40 + ((bar.chord.root - 4 + 12) % 12)
  const off = plan.spec.offbeat
  for (let beat = 0; beat < 4; beat++) {
    const low = beat % 2 === 0 ? bassString : bassString + 7
    // The more off-beat the style, the softer the thumb on the beat and the harder the "and".
    addPluck(mix, noteTime(plan, mix.random, b, beat, 3), low, 0.34 * (1.2 - 0.6 * off) * gain, { seconds: 0.6, brightness: 0.3 })
    for (let s = 1; s < 4; s++) {
      const midi = tones[(beat + s * 2) % tones.length]
      const amp = (s === 2 ? 0.2 * (0.6 + 1.4 * off) : 0.15) * gain
      addPluck(mix, noteTime(plan, mix.random, b, beat + s / 4, 3), midi, amp, { seconds: 0.45, brightness: 0.45 })
    }
    if (plan.spec.chucks && bar.label !== 'intro' && bar.label !== 'outro') {
      // A muted strum: four strings a few ms apart, short and bright.
      const t = noteTime(plan, mix.random, b, beat + 0.5, 0)
      for (let k = 0; k < 4; k++) addPluck(mix, t + k * 0.006, tones[k % tones.length] + 12, 0.3 * (0.5 + off) * gain, { seconds: 0.07, brightness: 0.9 })
    }
  }
}

export function renderRequinto(mix: Mix, plan: SongPlan, bar: BarPlan, gain: number) {
  const b = bar.firstBeat
  const tones = chordTones(bar.chord, 64, 88)
  const r = mix.random
  if (bar.label === 'intro' || bar.label === 'outro' || bar.label === 'mambo') {
    // Continuous sixteenths; accents grouped 3+3+2 pull the ear off the beat.
    const accentAt = new Set([0, 3, 6, 8, 11, 14])
    const riff = bar.label === 'mambo' ? [0, 2, 1, 3, 2, 4, 3, 1] : [0, 1, 2, 3, 4, 3, 2, 1]
    for (let i = 0; i < 16; i++) {
      const midi = tones[Math.min(tones.length - 1, riff[i % 8] + (bar.barInPart % 2) * 2)]
      const amp = (accentAt.has(i) ? 0.8 : 0.35) * gain * r.range(0.85, 1.15)
      addPluck(mix, noteTime(plan, r, b, i / 4, r.range(-8, 8)), midi, amp, { seconds: 0.35, brightness: 0.7 })
    }
    return
  }
  if (bar.barInPart % 2 === 1) {
    // A fill over beats 3–4 of the second bar of each phrase, running down the chord.
    const start = tones.length - 1
    for (let i = 0; i < 8; i++) {
      const midi = tones[Math.max(0, start - i)]
      addPluck(mix, noteTime(plan, r, b, 2 + i / 4, r.range(-6, 6)), midi, (i === 0 ? 0.7 : 0.45) * gain, { seconds: 0.3, brightness: 0.7 })
    }
  }
}

const VOICE_RHYTHMS: Array<Array<[number, number]>> = [
  [[0.5, 1], [1.5, 1], [2.5, 1.5]],
  [[0, 1.5], [1.5, 0.5], [2, 1.5]],
  [[1, 1], [2, 0.5], [2.5, 1], [3.5, 1.5]],
  [],
]

export function renderVoice(mix: Mix, plan: SongPlan, bar: BarPlan, gain: number) {
  if (bar.label !== 'verse' && bar.label !== 'chorus') return
  const tones = chordTones(bar.chord, 57, 74)
  const rhythm = mix.random.pick(VOICE_RHYTHMS)
  const amp = (bar.label === 'chorus' ? 0.5 : 0.38) * gain
  for (const [pos, beats] of rhythm) {
    const midi = mix.random.pick(tones)
    const t = noteTime(plan, mix.random, bar.firstBeat, pos, 20)
    const dur = beatsToSeconds(plan, bar.firstBeat, beats) * 0.95
    addVoice(mix, t, midi, amp, dur)
    if (bar.label === 'chorus') addVoice(mix, t + 0.01, midi + (INTERVALS[bar.chord.quality][1] === 3 ? 3 : 4), amp * 0.5, dur)
  }
}

/** Free-time requinto: arpeggios with rubato and fermatas, before the band's first beat. */
export function renderRubato(mix: Mix, plan: SongPlan, chords: Chord[], from: number, to: number) {
  const r = mix.random
  let t = from
  const perChord = (to - from) / chords.length
  chords.forEach((chord, ci) => {
    const end = from + perChord * (ci + 1)
    const tones = chordTones(chord, 60, 86)
    let i = 0
    while (t < end - 0.9) {
      const midi = tones[(i * 2 + ci) % tones.length]
      addPluck(mix, t, midi, r.range(0.25, 0.5), { seconds: 0.9, brightness: 0.6 })
      // Rubato: the inter-onset interval swells and shrinks instead of following a pulse.
      t += 0.12 + 0.22 * Math.abs(Math.sin(i * 0.9 + ci)) + r.range(0, 0.08)
      i++
    }
    addPluck(mix, t, tones[tones.length - 1], 0.45, { seconds: 1.2, brightness: 0.5 })
    t = end
  })
}

/** A loose requinto lick in the pausa: starts off the grid and drifts in free time. */
export function renderPausaLick(mix: Mix, plan: SongPlan, bar: BarPlan) {
  const tones = chordTones(bar.chord, 64, 86)
  const r = mix.random
  let t = noteTime(plan, r, bar.firstBeat, 0.6, 0)
  const end = plan.grid[Math.min(plan.grid.length - 1, bar.firstBeat + 4)] - 0.15
  for (let i = 0; t < end; i++) {
    addPluck(mix, t, tones[Math.max(0, tones.length - 1 - i)], 0.22, { seconds: 0.5, brightness: 0.5 })
    t += r.range(0.13, 0.3)
  }
}
