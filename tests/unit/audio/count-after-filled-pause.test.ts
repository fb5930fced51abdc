import { describe, expect, it } from 'vitest'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { editsFor } from '@/scripts/demo/songs/count-one-test-set'
import { DEMO_SONG_SPECS } from '@/scripts/demo/songs/demo-song-spec'
import { generateDemoSong } from '@/scripts/demo/songs/generate-demo-song'
import { spliceIrregularSong } from '@/scripts/demo/songs/splice-irregular-song'
import { fMeasure } from '@/tests/fixtures/metrics/evaluate-beats'

/**
 * A restart after a pausa of about a whole number of beats: the beat tracker fills the pause
 * with beats, so no gap marks it, only the pausa the band leaves. The song (a 2-beat bar, a
 * band stop, the restart after 1.8 s, a tag) is generated and edited with the truth written by
 * the splicer where the new phrases really start; nothing here is the analyser's.
 */
describe('the count after a restart whose pause the beats run through', () => {
  it('starts again on the band\'s new 1, not on the old count carried through the pause', () => {
    const drift = DEMO_SONG_SPECS.find((s) => s.name.startsWith('sensual-drift'))!
    const spec = { ...drift, name: 'filled-pause', seed: drift.seed + 7063, bpm: 135 }
    const edits = editsFor(7, spec)
    expect(edits.map((e) => e.kind)).toEqual(['short-bar', 'band-stop', 'restart', 'tag'])
    const song = spliceIrregularSong(generateDemoSong(spec), edits, spec.name)
    const a = analyzePcm(song.pcm, song.sampleRate)
    const restart = song.truth.irregularities.find((i) => i.kind === 'restart')!
    const tag = song.truth.irregularities.find((i) => i.kind === 'tag')!
    // Between the band's re-entry and the tag the old count and the new one are 4 beats apart.
    const between = (xs: number[]) => xs.filter((t) => t > restart.time + 1 && t < tag.time - 0.1)
    const truthOnes = between(song.truth.countOne)
    expect(truthOnes.length).toBeGreaterThanOrEqual(2)
    expect(fMeasure(truthOnes, between(a.countOne)).f).toBe(1)
    expect(fMeasure(song.truth.countOne, a.countOne).f).toBeGreaterThan(0.95)
  })
})
