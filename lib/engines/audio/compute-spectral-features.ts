import {
  ANALYSIS_SAMPLE_RATE, CHROMA_FRAME, CHROMA_HOP, ONSET_BANDS, ONSET_FRAME, ONSET_HOP, TIMBRE_EVERY,
} from './analysis-config'
import { createRealFft } from './fft'
import { createMfcc } from './compute-mfcc'

/**
 * One pass of short-time spectra over the song, kept as small per-frame summaries (the
 * spectrogram itself is never stored): per-band onset strength (log-spectral flux), per-band
 * energy, and chroma from longer frames. Frame i is centred at i * hop / sampleRate.
 */
export interface SpectralFeatures {
  frameRate: number
  frameCount: number
  /** [band][frame] positive log-magnitude flux. */
  bandFlux: Float32Array[]
  /** [band][frame] mean power in the band. */
  bandEnergy: Float32Array[]
  chromaRate: number
  /** [frame] 12-bin pitch-class energy (C = 0), 150 Hz–5 kHz. */
  chroma: Float32Array[]
  timbreRate: number
  /** [frame] 13 MFCCs (meyda) of every TIMBRE_EVERY-th onset frame. */
  mfcc: Float32Array[]
}

function hann(n: number): Float64Array {
  const w = new Float64Array(n)
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n)
  return w
}

function windowed(pcm: Float32Array, center: number, win: Float64Array, out: Float64Array) {
  const start = center - (win.length >> 1)
  for (let i = 0; i < win.length; i++) {
    const j = start + i
    out[i] = j >= 0 && j < pcm.length ? pcm[j] * win[i] : 0
  }
}

export function computeSpectralFeatures(pcm: Float32Array): SpectralFeatures {
  const sr = ANALYSIS_SAMPLE_RATE
  const frameCount = Math.max(1, Math.floor(pcm.length / ONSET_HOP) + 1)
  const bins = ONSET_FRAME / 2 + 1
  const binHz = sr / ONSET_FRAME
  // Bands are contiguous bin ranges [lo, hi).
  const ranges = ONSET_BANDS.map(([lo, hi]) => [Math.max(1, Math.ceil(lo / binHz)), Math.min(bins, Math.ceil(hi / binHz))] as const)
  const bandFlux = ONSET_BANDS.map(() => new Float32Array(frameCount))
  const bandEnergy = ONSET_BANDS.map(() => new Float32Array(frameCount))
  const fft = createRealFft(ONSET_FRAME)
  const win = hann(ONSET_FRAME)
  const frame = new Float64Array(ONSET_FRAME)
  const mag = new Float32Array(bins)
  const logMag = new Float32Array(bins)
  // Flux against the frame two hops back, max-filtered over ±1 bin, so vibrato and slow
  // glides (the singer) do not read as onsets while plucks and hits do.
  const hist = [new Float32Array(bins), new Float32Array(bins)]
  const ref = new Float32Array(bins)
  const norm = 2 / ONSET_FRAME
  const mfccOf = createMfcc(ONSET_FRAME)
  const mfcc: Float32Array[] = []
  for (let t = 0; t < frameCount; t++) {
    windowed(pcm, t * ONSET_HOP, win, frame)
    fft.magnitudes(frame, mag)
    for (let k = 0; k < bins; k++) {
      mag[k] *= norm
      logMag[k] = Math.log1p(1000 * mag[k])
    }
    if (t % TIMBRE_EVERY === 0) mfcc.push(mfccOf(mag))
    const prev = hist[t % 2]
    ref[0] = Math.max(prev[0], prev[1])
    for (let k = 1; k < bins - 1; k++) {
      const a = prev[k - 1]
      const b = prev[k]
      const c = prev[k + 1]
      ref[k] = a > b ? (a > c ? a : c) : b > c ? b : c
    }
    ref[bins - 1] = Math.max(prev[bins - 2], prev[bins - 1])
    for (let band = 0; band < ranges.length; band++) {
      const [lo, hi] = ranges[band]
      let e = 0
      let f = 0
      for (let k = lo; k < hi; k++) {
        e += mag[k] * mag[k]
        const d = logMag[k] - ref[k]
        if (d > 0) f += d
      }
      bandEnergy[band][t] = e / (hi - lo)
      bandFlux[band][t] = t >= 2 ? f / (hi - lo) : 0
    }
    prev.set(logMag)
  }
  return {
    frameRate: sr / ONSET_HOP, frameCount, bandFlux, bandEnergy,
    chromaRate: sr / CHROMA_HOP, chroma: computeChroma(pcm),
    timbreRate: sr / ONSET_HOP / TIMBRE_EVERY, mfcc,
  }
}

function computeChroma(pcm: Float32Array): Float32Array[] {
  const sr = ANALYSIS_SAMPLE_RATE
  const bins = CHROMA_FRAME / 2 + 1
  const binHz = sr / CHROMA_FRAME
  const pcOf = new Int8Array(bins).fill(-1)
  for (let k = 1; k < bins; k++) {
    const f = k * binHz
    if (f >= 150 && f <= 5000) pcOf[k] = (((Math.round(12 * Math.log2(f / 440) + 69) % 12) + 12) % 12)
  }
  const count = Math.max(1, Math.floor(pcm.length / CHROMA_HOP) + 1)
  const fft = createRealFft(CHROMA_FRAME)
  const win = hann(CHROMA_FRAME)
  const frame = new Float64Array(CHROMA_FRAME)
  const mag = new Float32Array(bins)
  const chroma: Float32Array[] = []
  for (let j = 0; j < count; j++) {
    windowed(pcm, j * CHROMA_HOP, win, frame)
    fft.magnitudes(frame, mag)
    const c = new Float32Array(12)
    for (let k = 1; k < bins; k++) if (pcOf[k] >= 0) c[pcOf[k]] += mag[k] * mag[k]
    chroma.push(c)
  }
  return chroma
}
