/**
 * Brings PCM to the analysis rate when a caller hands analyzePcm another rate (decodeAudio
 * already asks FFmpeg for it, so this is the rare path). Linear interpolation after a
 * box pre-filter when downsampling: crude, but the features downstream are band energies
 * and onsets, which aliasing of the top octave barely moves.
 */
export function resamplePcm(pcm: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0)) throw new RangeError('sample rates must be positive')
  if (fromRate === toRate) return pcm
  const ratio = fromRate / toRate
  let src = pcm
  if (ratio > 1.5) {
    const w = Math.round(ratio)
    src = new Float32Array(pcm.length)
    let acc = 0
    for (let i = 0; i < pcm.length; i++) {
      acc += pcm[i] - (i >= w ? pcm[i - w] : 0)
      src[i] = acc / w
    }
  }
  const n = Math.floor(pcm.length / ratio)
  const out = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const x = i * ratio
    const k = Math.floor(x)
    const f = x - k
    out[i] = k + 1 < src.length ? src[k] * (1 - f) + src[k + 1] * f : src[Math.min(k, src.length - 1)]
  }
  return out
}
