import type { Random } from './random'

/**
 * Instrument voices for the demo songs, written straight into a mono mix buffer. Cheap
 * physical-ish models (Karplus–Strong strings, damped drum modes, scraped noise) rather than
 * clean sines: the point of the demo set is to sound like a band, so onsets are smeared,
 * pitched and overlapping the way a tracker meets them in real recordings.
 */
export interface Mix {
  out: Float32Array
  sampleRate: number
  random: Random
}

const midiHz = (midi: number) => 440 * 2 ** ((midi - 69) / 12)

function span(mix: Mix, time: number, seconds: number): [number, number] {
  const start = Math.max(0, Math.round(time * mix.sampleRate))
  const end = Math.min(mix.out.length, start + Math.round(seconds * mix.sampleRate))
  return [start, end]
}

/** Plucked nylon string (requinto, segunda): Karplus–Strong with a fractional delay. */
export function addPluck(mix: Mix, time: number, midi: number, amp: number, opts: { seconds?: number; brightness?: number } = {}) {
  const sr = mix.sampleRate
  const seconds = opts.seconds ?? 0.7
  const [start, end] = span(mix, time, seconds)
  const n = end - start
  if (n <= 0) return
  // The averaging filter adds half a sample of delay; compensate so the pitch (and chroma) is right.
  const period = sr / midiHz(midi) - 0.5
  const y = new Float32Array(n)
  const excite = Math.min(n, Math.ceil(period) + 1)
  const b = opts.brightness ?? 0.5
  let lp = 0
  for (let i = 0; i < excite; i++) {
    lp = lp + b * (mix.random.next() * 2 - 1 - lp)
    y[i] = lp
  }
  const damping = 0.5 * (0.996 + 0.003 * (1 - b))
  for (let i = excite; i < n; i++) {
    const p = i - period
    const k = Math.floor(p)
    const f = p - k
    const a = y[k] * (1 - f) + y[k + 1] * f
    const c = k > 0 ? y[k - 1] * (1 - f) + y[k] * f : a
    y[i] = damping * (a + c)
  }
  const fadeStart = n - Math.min(n, Math.round(0.02 * sr))
  for (let i = 0; i < n; i++) {
    const g = i >= fadeStart ? (n - i) / (n - fadeStart) : 1
    mix.out[start + i] += amp * g * y[i]
  }
}

/** Electric bass: a few harmonics, fast attack, exponential decay, a short pick click. */
export function addBass(mix: Mix, time: number, midi: number, amp: number, seconds: number) {
  const sr = mix.sampleRate
  const [start, end] = span(mix, time, seconds + 0.05)
  const w = (2 * Math.PI * midiHz(midi)) / sr
  const release = Math.round(0.04 * sr)
  const n = end - start
  for (let i = 0; i < n; i++) {
    const t = i / sr
    const env = Math.min(1, t / 0.006) * Math.exp(-t / 0.45) * (i > n - release ? (n - i) / release : 1)
    const s = Math.sin(w * i) + 0.45 * Math.sin(2 * w * i) + 0.2 * Math.sin(3 * w * i)
    const click = i < 0.012 * sr ? (mix.random.next() - 0.5) * 0.25 * (1 - t / 0.012) : 0
    mix.out[start + i] += amp * (env * s * 0.6 + click)
  }
}

export type BongoStroke = 'finger' | 'thumb' | 'open' | 'slap'

/** Bongo (macho/hembra): a pitch-dropping membrane mode plus a noise transient. */
export function addBongo(mix: Mix, time: number, stroke: BongoStroke, amp: number) {
  const sr = mix.sampleRate
  const cfg = {
    finger: { f0: 470, tau: 0.045, noise: 0.25, noiseTau: 0.004 },
    thumb: { f0: 330, tau: 0.03, noise: 0.12, noiseTau: 0.003 },
    open: { f0: 310, tau: 0.14, noise: 0.2, noiseTau: 0.005 },
    slap: { f0: 520, tau: 0.06, noise: 0.8, noiseTau: 0.012 },
  }[stroke]
  const [start, end] = span(mix, time, cfg.tau * 6)
  let phase = 0
  let prev = 0
  for (let i = start; i < end; i++) {
    const t = (i - start) / sr
    phase += (2 * Math.PI * cfg.f0 * (1 + 0.25 * Math.exp(-t / 0.012))) / sr
    const white = mix.random.next() * 2 - 1
    const bright = white - prev // first difference: the slap's crack lives above 2 kHz
    prev = white
    const tone = Math.sin(phase) * Math.exp(-t / cfg.tau)
    mix.out[i] += amp * 0.6 * (0.8 * tone + cfg.noise * bright * Math.exp(-t / cfg.noiseTau))
  }
}

/** Güira: high-passed noise chopped by the ridges of the scraper. */
export function addGuira(mix: Mix, time: number, long: boolean, amp: number) {
  const sr = mix.sampleRate
  const attack = long ? 0.02 : 0.002
  const tau = long ? 0.06 : 0.018
  const hold = long ? 0.07 : 0
  const ridgeHz = long ? 210 : 260
  const [start, end] = span(mix, time, attack + hold + tau * 5)
  let prev = 0
  for (let i = start; i < end; i++) {
    const t = (i - start) / sr
    const env = t < attack ? t / attack : t < attack + hold ? 1 : Math.exp(-(t - attack - hold) / tau)
    const white = mix.random.next() * 2 - 1
    const hp = white - prev
    prev = white
    const ridge = 0.55 + 0.45 * Math.sin(2 * Math.PI * ridgeHz * t)
    mix.out[i] += amp * 0.42 * env * hp * ridge
  }
}

/** Campana (mambo cowbell): two inharmonic square-ish partials. */
export function addCowbell(mix: Mix, time: number, amp: number, high: boolean) {
  const sr = mix.sampleRate
  const f = high ? [845, 1220] : [587, 845]
  const [start, end] = span(mix, time, 0.35)
  for (let i = start; i < end; i++) {
    const t = (i - start) / sr
    let s = 0
    for (const fr of f) {
      const x = 2 * Math.PI * fr * t
      s += Math.sin(x) + Math.sin(3 * x) / 3
    }
    mix.out[i] += amp * 0.3 * s * Math.exp(-t / 0.07)
  }
}

/** Sung line: harmonic voice with vibrato and a soft attack (little spectral flux). */
export function addVoice(mix: Mix, time: number, midi: number, amp: number, seconds: number) {
  const sr = mix.sampleRate
  const [start, end] = span(mix, time, seconds)
  const f = midiHz(midi)
  const weights = [1, 0.6, 0.45, 0.25, 0.15]
  const n = end - start
  const release = Math.min(n, Math.round(0.08 * sr))
  let phase = 0
  for (let i = 0; i < n; i++) {
    const t = i / sr
    const vib = t > 0.15 ? 0.012 * Math.sin(2 * Math.PI * 5.5 * t) : 0
    phase += (2 * Math.PI * f * (1 + vib)) / sr
    const env = Math.min(1, t / 0.05) * (i > n - release ? (n - i) / release : 1)
    let s = 0
    for (let h = 0; h < weights.length; h++) s += weights[h] * Math.sin((h + 1) * phase)
    mix.out[start + i] += amp * 0.25 * env * s
  }
}

/** Light Schroeder reverb (four combs, two all-passes): smears onsets like a real room. */
export function applyReverb(x: Float32Array, sampleRate: number, wet: number) {
  const combs = [0.0297, 0.0371, 0.0411, 0.0437].map((s) => Math.round(s * sampleRate))
  const acc = new Float32Array(x.length)
  for (const d of combs) {
    const y = new Float32Array(x.length)
    for (let i = 0; i < x.length; i++) y[i] = x[i] + (i >= d ? 0.78 * y[i - d] : 0)
    for (let i = 0; i < x.length; i++) acc[i] += y[i] * 0.25
  }
  for (const d of [Math.round(0.005 * sampleRate), Math.round(0.0017 * sampleRate)]) {
    const y = new Float32Array(x.length)
    for (let i = 0; i < x.length; i++) {
      const xd = i >= d ? acc[i - d] : 0
      const yd = i >= d ? y[i - d] : 0
      y[i] = -0.7 * acc[i] + xd + 0.7 * yd
    }
    acc.set(y)
  }
  for (let i = 0; i < x.length; i++) x[i] += wet * acc[i]
}

export { midiHz }
