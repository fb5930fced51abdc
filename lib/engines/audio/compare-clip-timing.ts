import type { ClipTiming } from './find-clip-timing'

/** Beyond this the annotation and the clip's music disagree (issue 11: 4 % tempo, half a beat). */
export const TEMPO_TOLERANCE = 0.04
export const COUNT_TOLERANCE_BEATS = 0.5

export type ClipTimingWarnings = Partial<Record<'nativeBpm' | 'firstCountOffset', string[]>>

/**
 * Field warnings where an annotation contradicts its clip's music. Pure and small, so the
 * ingest form shows the same warnings as the server stores. Warnings, not errors: the
 * instructor knows when the music is off the dancing (a clip cut from a live class).
 */
export function compareClipTiming(
  annotation: { nativeBpm?: number | null; firstCountOffset?: number | null },
  timing: ClipTiming | null,
): ClipTimingWarnings {
  if (!timing?.audio || timing.bpm === null) return {}
  const warnings: ClipTimingWarnings = {}
  const { nativeBpm, firstCountOffset } = annotation
  if (typeof nativeBpm === 'number' && Number.isFinite(nativeBpm)) {
    const off = Math.abs(nativeBpm - timing.bpm) / timing.bpm
    if (off > TEMPO_TOLERANCE) {
      warnings.nativeBpm = [`the clip's music is at ${timing.bpm} BPM: ${nativeBpm} is ${Math.round(off * 100)} % off`]
    }
  }
  if (typeof firstCountOffset === 'number' && Number.isFinite(firstCountOffset) && timing.countOnes.length) {
    const beat = 60 / timing.bpm
    // Any count one of the music will do: a move may start on its second 8-count.
    const nearest = timing.countOnes.reduce((a, b) => (Math.abs(b - firstCountOffset) < Math.abs(a - firstCountOffset) ? b : a))
    if (Math.abs(nearest - firstCountOffset) > COUNT_TOLERANCE_BEATS * beat) {
      warnings.firstCountOffset = [
        `the clip's music has a count one at ${nearest.toFixed(2)} s: ${firstCountOffset} s is ${(Math.abs(nearest - firstCountOffset) / beat).toFixed(1)} beats away`,
      ]
    }
  }
  return warnings
}
