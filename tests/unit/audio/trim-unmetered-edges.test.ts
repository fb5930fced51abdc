import { describe, expect, it } from 'vitest'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { ringOutPhraseStart, trimUnmeteredEdges } from '@/lib/engines/audio/trim-unmetered-edges'
import { DEMO_SONG_SPECS } from '@/scripts/demo/songs/demo-song-spec'
import { generateDemoSong } from '@/scripts/demo/songs/generate-demo-song'

/**
 * A rubato intro the tracker filled with beats, then the band: its entry hit on count 1 and
 * the groove every 40 frames. Pulse clarity is written as the measure gives it at an entry
 * (its window still hears the intro, so the groove's first beats read unclear) and the truth
 * is where the band was placed, never what the trimmer computes.
 */
const PERIOD = 40
const ENTRY = 400

function song(opts: { entryHit: number; rubato?: Array<[frame: number, attack: number]> }) {
  const rubato = opts.rubato ?? [[60, 0.6], [130, 0.2], [250, 0.5], [330, 0.3]]
  const groove = Array.from({ length: 40 }, (_, k) => ENTRY + k * PERIOD)
  const beats = [...rubato.map(([f]) => f), ...groove]
  const envelope = new Float32Array(ENTRY + 41 * PERIOD)
  for (const [f, a] of rubato) envelope[f] = a
  groove.forEach((f, k) => { envelope[f] = k === 0 ? opts.entryHit : k % 2 === 1 ? 0.8 : 1 })
  // Clarity climbs over the groove's first beats: below 0.35 for the entry and the beat after it.
  const clarity = beats.map((f) => (f < ENTRY ? 0.15 : Math.min(0.9, 0.28 + 0.06 * ((f - ENTRY) / PERIOD))))
  return { beats, envelope, clarity, entryIndex: rubato.length }
}

describe('trimUnmeteredEdges at the band entry', () => {
  it('keeps the entry hit and the beats after it that read unclear', () => {
    const s = song({ entryHit: 3.5 })
    const { first } = trimUnmeteredEdges(s.beats, s.envelope, { clarity: s.clarity })
    expect(s.beats[first]).toBe(ENTRY)
  })

  it('starts at the first clear beat when nothing before it is an entry hit', () => {
    const s = song({ entryHit: 1 })
    const { first } = trimUnmeteredEdges(s.beats, s.envelope, { clarity: s.clarity })
    // 0.28 + 0.06k ≥ 0.35 from the groove's 2nd beat on (k = 2, and the two after it clear too).
    expect(s.beats[first]).toBe(ENTRY + 2 * PERIOD)
  })

  it('does not walk into the intro: a strong note off the groove spacing stays out', () => {
    const s = song({ entryHit: 1, rubato: [[60, 0.6], [130, 0.2], [250, 0.5], [ENTRY - 1.5 * PERIOD, 3.5]] })
    const { first } = trimUnmeteredEdges(s.beats, s.envelope, { clarity: s.clarity })
    expect(s.beats[first]).toBe(ENTRY + 2 * PERIOD)
  })
})

describe('trimUnmeteredEdges at the end', () => {
  it('drops the ring-out after a fade-out and keeps its quiet last struck beats', () => {
    const beats = Array.from({ length: 40 }, (_, k) => 40 + k * PERIOD)
    const envelope = new Float32Array(42 * PERIOD)
    // 34 beats of the band, 3 of a fade's last bar (struck, quiet), 3 of ring-out (no attack to speak of).
    beats.forEach((f, k) => { envelope[f] = k < 34 ? 1 : k < 37 ? 0.2 : 0.12 })
    const clarity = beats.map(() => 0.6)
    const { last } = trimUnmeteredEdges(beats, envelope, { clarity })
    expect(last).toBe(36)
  })
})

describe('ringOutPhraseStart', () => {
  // 40 beats at the band's level (0 dB), counted 1-8 from beat 0: count ones at 0, 8, 16, 24, 32.
  const ones = [0, 8, 16, 24, 32]
  const level = (tail: number[]) => [...Array(40 - tail.length).fill(0), ...tail]

  it('finds a phrase the count starts in the ring-out after a fade', () => {
    // The fade: counts 1-8 from beat 32 fall from -16 to -33 dB, then two beats of ring-out.
    const db = [...Array(32).fill(0), -12, -14, -16, -18, -26, -28, -30, -33, -38, -42]
    expect(ringOutPhraseStart([...ones, 40], db)).toBe(40)
  })

  it('keeps a final hit (loud), a quiet phrase with a bar after it, and a last one that is still heard', () => {
    expect(ringOutPhraseStart([...ones, 39], level([5]))).toBeNull()
    expect(ringOutPhraseStart(ones, level([-30, -32, -35, -38, -40, -40, -42, -44]))).toBeNull()
    expect(ringOutPhraseStart([...ones, 38], level([-20, -38]))).toBeNull()
    expect(ringOutPhraseStart([], level([]))).toBeNull()
  })
})

describe('a fade-out the tracker keeps beats in after the music ends', () => {
  it('has no beat and no count one in the ring-out, and keeps the last phrase played', () => {
    // A slow fading recipe on a seed and tempo where the ring-out kept two beats and a count one
    // (dev lenta-134-dr35); the truth is the generator's bars, not anything the analyser computes.
    const lenta = DEMO_SONG_SPECS.find((s) => s.name.startsWith('lenta'))!
    const song = generateDemoSong({ ...lenta, name: 'ring-out', seed: lenta.seed + 5035, bpm: 134 })
    const a = analyzePcm(song.pcm, song.sampleRate)
    const lastBeat = song.truth.beats[song.truth.beats.length - 1]
    const lastOne = song.truth.countOne[song.truth.countOne.length - 1]
    expect(a.beats[a.beats.length - 1]).toBeLessThan(lastBeat + 0.07)
    expect(a.countOne[a.countOne.length - 1]).toBeCloseTo(lastOne, 1)
  })
})
