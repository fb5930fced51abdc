/**
 * Key by the Krumhansl–Kessler profiles: correlate the song's pitch-class distribution with
 * the 24 rotated major/minor profiles. Cheap, and right often enough to be a useful label
 * ("Am"); null when there is no pitched content to speak of.
 */
const MAJOR = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
const MINOR = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]
const NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B']

export function estimateKey(chromaFrames: ArrayLike<number>[]): string | null {
  const total = new Float64Array(12)
  for (const c of chromaFrames) {
    let s = 0
    for (let k = 0; k < 12; k++) s += c[k]
    if (s > 0) for (let k = 0; k < 12; k++) total[k] += c[k] / s
  }
  const sum = total.reduce((a, b) => a + b, 0)
  if (!(sum > 0)) return null
  let best = { r: -Infinity, name: '' }
  for (let tonic = 0; tonic < 12; tonic++) {
    for (const [profile, suffix] of [[MAJOR, ''], [MINOR, 'm']] as const) {
      const rotated = Array.from({ length: 12 }, (_, k) => profile[(k - tonic + 12) % 12])
      const r = pearson(Array.from(total), rotated)
      if (r > best.r) best = { r, name: `${NAMES[tonic]}${suffix}` }
    }
  }
  return best.r > 0.3 ? best.name : null
}

function pearson(a: number[], b: number[]): number {
  const ma = a.reduce((x, y) => x + y, 0) / a.length
  const mb = b.reduce((x, y) => x + y, 0) / b.length
  let ab = 0
  let aa = 0
  let bb = 0
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] - ma) * (b[i] - mb)
    aa += (a[i] - ma) ** 2
    bb += (b[i] - mb) ** 2
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0
}
