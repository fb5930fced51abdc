import { describe, expect, it } from 'vitest'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { compareClipTiming } from '@/lib/engines/audio/compare-clip-timing'
import { findClipTiming, type ClipTiming } from '@/lib/engines/audio/find-clip-timing'
import { DEMO_SONG_SPECS, generateDemoSong } from '@/scripts/demo/songs'

/** A clip-length demo song: steady tempo, a silent lead-in, so count one is not at 0 s. */
function clipSong(bpm: number, leadIn: number, phrases: number) {
  return generateDemoSong({
    ...DEMO_SONG_SPECS[0], name: `clip-${bpm}`, seed: 31, bpm, drift: { depth: 0, periodSeconds: 60, ramp: 0 },
    preRoll: { kind: 'silent', seconds: leadIn }, form: [{ label: 'verse', phrases }],
  })
}

describe('findClipTiming (the analysis engine on a clip’s own music)', () => {
  it.each([[120, 1.3, 3], [132, 0.6, 2], [108, 2, 2]])('%d BPM, count one at %d s: within 2 % and 40 ms', (bpm, leadIn, phrases) => {
    const song = clipSong(bpm, leadIn, phrases)
    const timing = findClipTiming(analyzePcm(song.pcm, song.sampleRate))
    if (!timing.audio || timing.bpm === null || timing.firstCountOffset === null) throw new Error(`no timing: ${JSON.stringify(timing)}`)
    expect(Math.abs(timing.bpm - song.truth.bpm) / song.truth.bpm).toBeLessThan(0.02)
    expect(Math.abs(timing.firstCountOffset - song.truth.countOne[0])).toBeLessThan(0.04)
    expect(timing.countOnes.length).toBe(song.truth.countOne.length)
  })

  it('an analysis without a grid gives no figures rather than a guess', () => {
    expect(findClipTiming({ bpm: 97.4, countOne: [], confidence: 0.1 })).toEqual({ audio: true, bpm: null, firstCountOffset: null, countOnes: [], confidence: 0.1 })
  })
})

describe('compareClipTiming', () => {
  const timing: ClipTiming = { audio: true, bpm: 120, firstCountOffset: 1.3, countOnes: [1.3, 5.3, 9.3], confidence: 0.8 }

  it('agrees within 4 % tempo and half a beat (0.25 s at 120 BPM), on any count one', () => {
    expect(compareClipTiming({ nativeBpm: 124.5, firstCountOffset: 1.54 }, timing)).toEqual({})
    expect(compareClipTiming({ nativeBpm: 115.5, firstCountOffset: 5.3 }, timing)).toEqual({})
  })

  it('warns per field past the tolerances', () => {
    const w = compareClipTiming({ nativeBpm: 126, firstCountOffset: 1.6 }, timing)
    expect(w.nativeBpm?.[0]).toMatch(/120 BPM: 126 is 5 % off/)
    expect(w.firstCountOffset?.[0]).toMatch(/count one at 1\.30 s: 1\.6 s is 0\.6 beats away/)
    expect(Object.keys(compareClipTiming({ nativeBpm: 120, firstCountOffset: 3.3 }, timing))).toEqual(['firstCountOffset'])
  })

  it('says nothing without audio, without figures, or for missing fields', () => {
    expect(compareClipTiming({ nativeBpm: 160, firstCountOffset: 4 }, { audio: false })).toEqual({})
    expect(compareClipTiming({ nativeBpm: 160 }, { audio: true, bpm: null, firstCountOffset: null, countOnes: [], confidence: 0 })).toEqual({})
    expect(compareClipTiming({ nativeBpm: 160, firstCountOffset: 4 }, null)).toEqual({})
    expect(compareClipTiming({ nativeBpm: undefined, firstCountOffset: null }, timing)).toEqual({})
  })
})
