import type { SongPlan } from './plan-demo-song'
import type { Random } from './random'

/**
 * Where a note lands: beat index + position in the beat, swung (the "and" is late by the
 * swing ratio, sixteenths interpolate), plus the player's habitual offset and random jitter.
 */
export function noteTime(plan: SongPlan, random: Random, beat: number, pos: number, offsetMs = 0): number {
  const whole = beat + Math.floor(pos)
  const frac = pos - Math.floor(pos)
  const s = plan.spec.swing
  const swung = frac <= 0.5 ? (frac / 0.5) * s : s + ((frac - 0.5) / 0.5) * (1 - s)
  const g = plan.grid
  const k = Math.min(whole, g.length - 2)
  const t = g[k] + (whole - k + swung) * (g[k + 1] - g[k])
  return t + (offsetMs + random.gauss() * plan.spec.jitterMs) / 1000
}

/** Duration of `beats` beats around a grid position, in seconds. */
export function beatsToSeconds(plan: SongPlan, beat: number, beats: number): number {
  const g = plan.grid
  const k = Math.max(0, Math.min(beat, g.length - 2))
  return beats * (g[k + 1] - g[k])
}
