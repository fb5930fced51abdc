import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS, type DemoSongSpec } from '@/scripts/demo/songs/demo-song-spec'
import { generateDemoSong } from '@/scripts/demo/songs/generate-demo-song'
import { writeDemoSongs } from '@/scripts/demo/songs/write-demo-songs'

const tiny: DemoSongSpec = {
  ...DEMO_SONG_SPECS[0],
  name: 'tiny-test',
  form: [{ label: 'verse', phrases: 2, breakBars: 1 }, { label: 'mambo', phrases: 2 }],
}

describe('generateDemoSong', () => {
  it('is deterministic for a spec', () => {
    const a = generateDemoSong(tiny)
    const b = generateDemoSong(tiny)
    expect(a.pcm.length).toBe(b.pcm.length)
    expect(Buffer.from(a.pcm.buffer).equals(Buffer.from(b.pcm.buffer))).toBe(true)
  })

  it('has ground truth that agrees with itself', () => {
    const { truth, pcm, sampleRate } = generateDemoSong(tiny)
    expect(truth.beats.every((t, i) => i === 0 || t > truth.beats[i - 1])).toBe(true)
    expect(truth.downbeats).toEqual(truth.beats.filter((_, i) => i % 4 === 0))
    expect(truth.countOne).toEqual(truth.beats.filter((_, i) => i % 8 === 0))
    expect(truth.breaks).toHaveLength(1)
    expect(truth.mambos).toHaveLength(1)
    expect(truth.durationSeconds).toBeCloseTo(pcm.length / sampleRate, 1)
    let peak = 0
    for (const v of pcm) peak = Math.max(peak, Math.abs(v))
    expect(peak).toBeLessThanOrEqual(1)
    expect(peak).toBeGreaterThan(0.3)
  })

  it('the demo set spans 105–150 BPM and has pausas, mambos and free-time intros', () => {
    const bpms = DEMO_SONG_SPECS.map((s) => s.bpm)
    expect(Math.min(...bpms)).toBeLessThanOrEqual(105)
    expect(Math.max(...bpms)).toBeGreaterThanOrEqual(150)
    expect(DEMO_SONG_SPECS.every((s) => s.form.some((p) => p.label === 'mambo') && s.form.some((p) => (p.breakBars ?? 0) > 0))).toBe(true)
    expect(DEMO_SONG_SPECS.some((s) => s.preRoll.kind === 'rubato')).toBe(true)
    expect(DEMO_SONG_SPECS.some((s) => s.preRoll.kind === 'silent')).toBe(true)
  })
})

describe('writeDemoSongs', () => {
  it('writes WAV + truth once and serves the cache afterwards', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'demo-songs-'))
    try {
      const [first] = await writeDemoSongs({ outDir: dir, specs: [tiny] })
      expect(first.generated).toBe(true)
      const mtime = statSync(first.wav).mtimeMs
      const [again] = await writeDemoSongs({ outDir: dir, specs: [tiny] })
      expect(again.generated).toBe(false)
      expect(statSync(again.wav).mtimeMs).toBe(mtime)
      expect(again.truth).toEqual(first.truth)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
