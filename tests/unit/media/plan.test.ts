import { moveAt } from '@/tests/fixtures/choreography/move-at'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { demoSubsetLibrary } from '@/tests/fixtures/choreography/demo-library'
import { generateAnalysis } from '@/tests/fixtures/choreography/generate-analysis'
import { concatList } from '@/lib/engines/media/render-join'
import { planRender } from '@/lib/engines/media/render-plan'
import { frameAnchors, outputFrameExpr, sourceFrameAt, type FrameAnchor } from '@/lib/engines/media/render-time-map'
import { segmentKey, type SegmentKeyInput } from '@/lib/engines/media/segment-cache'

/** Evaluates the ffmpeg expression from outputFrameExpr in JS (same functions, same doubles). */
function evalFfmpegExpr(expr: string): (N: number) => number {
  const js = expr.replace(/\b(max|lt|gte|between|ceil)\(/g, 'F.$1(')
  const F = {
    max: Math.max,
    ceil: Math.ceil,
    lt: (a: number, b: number) => (a < b ? 1 : 0),
    gte: (a: number, b: number) => (a >= b ? 1 : 0),
    between: (x: number, lo: number, hi: number) => (x >= lo && x <= hi ? 1 : 0),
  }
  return new Function('F', 'N', `return ${js}`).bind(null, F) as (N: number) => number
}

/** What the fps filter (start_time=0) does with those timestamps: output frame j shows the
 * last source frame whose timestamp is ≤ j; slots before the first timestamp repeat frame 0. */
function shownFrames(expr: string, sourceFrames: number, outputFrames: number): number[] {
  const pts = Array.from({ length: sourceFrames }, (_, n) => evalFfmpegExpr(expr)(n))
  return Array.from({ length: outputFrames }, (_, j) => {
    let shown = 0
    pts.forEach((p, n) => { if (p <= j) shown = n })
    return shown
  })
}

describe('the per-count time map', () => {
  it('puts the first frame of every count exactly on its output frame, through tempo drift', () => {
    // A 124 BPM clip danced to a band drifting between 118 and 131 BPM.
    const clipTimes = Array.from({ length: 9 }, (_, k) => 0.8 + (k * 60) / 124)
    const songBeats = [0, 0.49, 0.95, 1.41, 1.86, 2.33, 2.79, 3.27, 3.74]
    const countFrames = songBeats.map((t) => Math.round(t * 30))
    const anchors = frameAnchors(clipTimes, countFrames, 30)
    const shown = shownFrames(outputFrameExpr(anchors), 160, countFrames[8] + 6)
    anchors.forEach((a) => {
      expect(shown[a.output]).toBe(a.source)
      if (a.output > 0) expect(shown[a.output - 1]).toBeLessThan(a.source)
    })
    // Monotonic, and the same as the forward map everywhere.
    shown.forEach((s, j) => {
      expect(s).toBe(sourceFrameAt(anchors, j))
      if (j > 0) expect(s).toBeGreaterThanOrEqual(shown[j - 1])
    })
  })

  it('agrees with the forward map for any rates and anchors (property)', () => {
    const anchorsArb = fc
      .tuple(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 16 }),
      )
      .map(([s0, o0, steps]) => {
        const anchors: FrameAnchor[] = [{ source: s0, output: o0 }]
        for (const [ds, dout] of steps) {
          const prev = anchors[anchors.length - 1]
          anchors.push({ source: prev.source + ds, output: prev.output + dout })
        }
        return anchors
      })
    fc.assert(
      fc.property(anchorsArb, (anchors) => {
        const last = anchors[anchors.length - 1]
        const outputs = last.output + 5
        const shown = shownFrames(outputFrameExpr(anchors), last.source + 60, outputs)
        // The simulated clip has a finite number of frames; the renderer holds its last one.
        for (let j = 0; j < outputs; j++) expect(shown[j]).toBe(Math.min(sourceFrameAt(anchors, j), last.source + 59))
      }),
      { numRuns: 150 },
    )
  })

  it('anchors each count on the first clip frame at or after it (where the beat marker flashes)', () => {
    expect(frameAnchors([0.8, 1.2837, 1.3], [0, 15, 16], 30).map((a) => a.source)).toEqual([24, 39, 39])
    expect(frameAnchors([1 / 3, 0.7], [0, 11], 30).map((a) => a.source)).toEqual([10, 21])
  })
})

describe('planRender', () => {
  const analysis = generateAnalysis({ seed: 7, bpm: 127, sections: [{ label: 'intro', phrases: 2 }, { label: 'verse', phrases: 8 }, { label: 'outro', phrases: 2 }] })
  const bp = buildBlueprint({ analysis, params: { countIn: false }, library: demoSubsetLibrary(), seed: 3, song: { id: 's', storageKey: 'songs/s.mp3' } })

  it('places every segment and count by one cumulative formula, so nothing drifts', () => {
    const plan = planRender(bp)
    const frameOf = (t: number) => Math.round((t - bp.start) * 30)
    expect(plan.totalFrames).toBe(frameOf(bp.end))
    expect(plan.segments.reduce((n, s) => n + s.frames, 0)).toBe(plan.totalFrames)
    plan.segments.forEach((s, i) => {
      const m = moveAt(bp, s.moveIndex)
      expect(s.startFrame).toBe(i === 0 ? 0 : frameOf(m.songStart))
      expect(s.countFrames.map((f) => f + s.startFrame)).toEqual(m.beatTimes.map(frameOf))
      expect(s.clipTimes[0]).toBeCloseTo(m.clipIn, 9)
      expect(s.clipTimes[m.counts]).toBeCloseTo(m.clipOut, 9)
    })
    expect(plan.audioStart).toBe(bp.start)
    expect(plan.audioDuration).toBeCloseTo(bp.end - bp.start, 9)
  })

  it('lets the neighbour cover a move shorter than half a frame', () => {
    const b = structuredClone(bp)
    const m = b.moves[1]
    // Squeeze move 1 into 1 ms at its start (same frame) and start move 2 right after it.
    const t0 = m.songStart
    m.beatTimes = m.beatTimes.map((_, k) => t0 + (k * 0.001) / m.counts)
    m.songEnd = m.beatTimes[m.counts]
    b.moves[2].songStart = b.moves[2].beatTimes[0] = m.songEnd
    const plan = planRender(b)
    expect(plan.segments.find((s) => s.moveIndex === 2)!.startFrame).toBe(Math.round((t0 - b.start) * 30))
    expect(plan.segments.map((s) => s.moveIndex)).not.toContain(1)
    expect(plan.segments.reduce((n, s) => n + s.frames, 0)).toBe(plan.totalFrames)
  })
})

describe('concat list', () => {
  it('states exact durations that sum to the frame-exact total, and quotes paths safely', () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({ file: `/c/seg-${i}.mp4`, frames: 100 + (i % 7) }))
    entries[3].file = "/c/it's.mp4"
    const list = concatList(entries, 30)
    const durations = [...list.matchAll(/^duration (\S+)$/gm)].map((m) => Number(m[1]))
    const frames = entries.reduce((n, e) => n + e.frames, 0)
    expect(Math.abs(durations.reduce((a, b) => a + b, 0) - frames / 30)).toBeLessThan(1e-6)
    expect(list).toContain("file '/c/it'\\''s.mp4'")
    expect(list.startsWith('ffconcat version 1.0\n')).toBe(true)
  })
})

describe('segment cache keys', () => {
  const base: SegmentKeyInput = {
    clipSha256: 'a'.repeat(64), clipTimes: [0.8, 1.3, 1.8], countFrames: [0, 15, 30], frames: 32,
    output: { width: 1280, height: 720, fps: 30 }, overlay: { counts: true, moveName: 'Side basic' },
  }
  it('changes with anything that changes the pixels, and ignores float noise', () => {
    const k = segmentKey(base)
    expect(segmentKey({ ...base, clipTimes: [0.8 + 1e-9, 1.3, 1.8] })).toBe(k)
    for (const v of [
      { ...base, clipSha256: 'b'.repeat(64) },
      { ...base, clipTimes: [0.8, 1.31, 1.8] },
      { ...base, countFrames: [0, 16, 30] },
      { ...base, frames: 33 },
      { ...base, overlay: { counts: false, moveName: 'Side basic' } },
      { ...base, overlay: { counts: true, moveName: 'Open basic' } },
    ]) expect(segmentKey(v)).not.toBe(k)
  })
})
