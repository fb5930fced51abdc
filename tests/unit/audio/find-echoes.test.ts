import { describe, expect, it } from 'vitest'
import { findEchoes } from '@/lib/engines/audio/find-echoes'

/**
 * Echoes on beat vectors written from a known arrangement (not from any analyser): each beat
 * of a phrase has its own sound (a fixed pseudo-random vector per phrase kind and count), so
 * where a phrase is played again is known before anything is measured.
 */
function random(seed: number) {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) - 0.5
}
const DIM = 10
function sounds(kinds: string, seed: number): Record<string, number[][]> {
  const r = random(seed)
  return Object.fromEntries([...kinds].map((k) => [k, Array.from({ length: 8 }, () => Array.from({ length: DIM }, r))]))
}
/** Beat vectors for a form like "ABAB", with a little noise per beat; a "t" (a tag) replays counts 5–8 of the phrase before it. */
function play(form: string, sound: Record<string, number[][]>, seed = 7) {
  const r = random(seed)
  const beats: number[][] = []
  const counts: number[] = []
  for (const k of form) {
    const from = k === 't' ? 4 : 0
    const phrase = k === 't' ? sound[form[form.indexOf('t') - 1]] : sound[k]
    for (let c = from; c < 8; c++) { beats.push(phrase[c].map((v) => v + 0.05 * r())); counts.push(c) }
  }
  return { beats, counts }
}

describe('findEchoes', () => {
  it('finds where a phrase is played again, on the same count, across a 4-count tag', () => {
    const { beats, counts } = play('ABABtABAB', sounds('AB', 1))
    const echoes = findEchoes(beats)
    // Every beat with a full 8 beats after it has echoes, and the best one is on its own count.
    let checked = 0
    for (let i = 0; i + 8 <= beats.length; i++) {
      // A span over the tag's seam has no true repeat: the tag is played once.
      if (i > 24 && i < 36) continue
      expect(echoes[i].length).toBeGreaterThan(0)
      expect(counts[echoes[i][0].beat]).toBe(counts[i])
      checked++
    }
    expect(checked).toBeGreaterThan(40)
    // After the tag the lattice is 4 beats off the one before it: the echoes follow the music, not the lattice.
    const afterTag = 36 // the first A after the tag
    expect(counts[afterTag]).toBe(0)
    expect(echoes[afterTag].map((e) => e.beat)).toContain(0)
    expect(echoes[afterTag][0].edge).toBeGreaterThan(0.5)
  })

  it('says an echo cannot tell 1 from 5 where every bar sounds the same (a vamp)', () => {
    // Counts 5-8 sound as counts 1-4: one bar played over and over.
    const s = sounds('V', 2)
    for (let c = 4; c < 8; c++) s.V[c] = s.V[c - 4]
    const { beats } = play('VVVVVV', s)
    const echoes = findEchoes(beats)
    for (let i = 0; i + 8 <= beats.length; i++) for (const e of echoes[i]) expect(Math.abs(e.edge)).toBeLessThan(0.1)
  })

  it('keeps each beat\'s echoes a phrase away from it and more than a bar apart from each other', () => {
    const { beats } = play('ABABABAB', sounds('AB', 3))
    const echoes = findEchoes(beats)
    for (let i = 0; i < beats.length; i++) {
      for (const e of echoes[i]) expect(Math.abs(e.beat - i)).toBeGreaterThanOrEqual(8)
      const at = echoes[i].map((e) => e.beat).sort((a, b) => a - b)
      for (let k = 1; k < at.length; k++) expect(at[k] - at[k - 1]).toBeGreaterThan(6)
    }
    expect(findEchoes(beats.slice(0, 12)).every((e) => e.length === 0)).toBe(true)
  })

  it('finds echoes in a long song within a window, each on its own count', () => {
    // 880 beats (a 20-minute song has up to 3,600): spans are compared with those under 700 beats away.
    const { beats, counts } = play('AB'.repeat(55), sounds('AB', 4))
    const echoes = findEchoes(beats)
    for (const i of [0, 400, 860]) {
      expect(echoes[i].length).toBe(3)
      for (const e of echoes[i]) { expect(Math.abs(e.beat - i)).toBeLessThan(700); expect(counts[e.beat]).toBe(counts[i]) }
    }
  })
})
