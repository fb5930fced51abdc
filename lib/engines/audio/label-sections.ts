import type { SectionLabel } from '@/lib/engines/dance/vocabulary'
import type { PhraseFeatures } from './describe-phrases'
import { cosine, mean, median } from './signal-utils'

/**
 * Sections over phrases, labelled by position, energy and repetition (shared/BACHATA.md):
 * leading and trailing phrases that are clearly quieter or thinner are the intro and
 * outro; runs of phrases clearly louder *and* driving harder than the song's norm (and
 * alike in harmony and timbre) are the mambo; the rest of the body splits into verse and
 * the fuller, louder chorus. A section that comes back points at its first occurrence.
 */
export interface LabelledSegment {
  startPhrase: number
  endPhrase: number
  label: SectionLabel
  repeatOf: number | null
}

export interface LabelSectionsOptions {
  /** Phrase indices where a section must start (the band re-entering after a pausa). */
  forced?: number[]
  /** Phrase indices that contain a pausa: they close the section they end. */
  pausas?: number[]
  /** Beats in each phrase; a last phrase of a beat or two is the final hit. */
  beats?: number[]
}

export function labelSections(features: PhraseFeatures[], rows: number[][], opts: LabelSectionsOptions = {}): LabelledSegment[] {
  const forced = opts.forced ?? []
  const pausas = new Set(opts.pausas ?? [])
  const n = features.length
  if (n === 0) return []
  const db = features.map((f) => f.energyDb)
  const drive = features.map((f) => f.drive)
  const medDb = median(db)
  const medDrive = median(drive)
  const thin = (i: number) => db[i] < medDb - 3 || drive[i] < 0.75 * medDrive
  let bodyStart = 0
  while (bodyStart < n && thin(bodyStart)) bodyStart++
  // The final hit (a count one with a beat or two after it) is loud whatever came before:
  // the phrases before it say whether the song has an outro, and it goes with them.
  let tail = n
  while (tail - 1 > bodyStart && (opts.beats?.[tail - 1] ?? 8) <= 2) tail--
  let bodyEnd = tail
  while (bodyEnd > bodyStart && thin(bodyEnd - 1)) bodyEnd--
  if (bodyEnd === tail) bodyEnd = n
  if (bodyEnd - bodyStart < 2) { bodyStart = 0; bodyEnd = n }

  // Mambo: runs of clearly hot phrases (louder and driving harder than the song's norm),
  // single-phrase gaps bridged, then grown by neighbours that match the run itself.
  const inBody = (i: number) => i >= bodyStart && i < bodyEnd
  const hot = features.map((_, i) => inBody(i) && db[i] >= medDb + 2 && drive[i] >= 1.08 * medDrive)
  for (let i = 1; i + 1 < n; i++) if (!hot[i] && hot[i - 1] && hot[i + 1]) hot[i] = true
  const mamboRuns: Array<[number, number]> = []
  for (let i = bodyStart; i < bodyEnd; ) {
    if (!hot[i]) { i++; continue }
    let j = i
    while (j < bodyEnd && hot[j]) j++
    const runDb = mean(db.slice(i, j))
    const runDrive = mean(drive.slice(i, j))
    const runVec = rows[0].map((_, d) => mean(rows.slice(i, j).map((r) => r[d])))
    // A neighbour joins if it is nearly as loud and driving, and sounds like the run
    // (harmony and timbre: the vamp, the bell, no lead vocal) more than like the rest.
    const alike = (k: number) => inBody(k) && db[k] >= runDb - 2 && drive[k] >= 0.85 * runDrive && cosine(rows[k], runVec) > 0.3
    let a = i
    while (alike(a - 1) && !mamboRuns.some(([, e]) => e > a - 1)) a--
    while (alike(j)) j++
    // A pausa right after the run is the mambo's own ending (it is quiet, but it is the mambo's).
    if (pausas.has(j) && j < bodyEnd && !hot[j + 1]) j++
    if (j - a >= 2) mamboRuns.push([a, j])
    i = j
  }
  const inMambo = (i: number) => mamboRuns.some(([a, b]) => i >= a && i < b)

  // Verse or chorus, phrase by phrase: the chorus is the fuller, louder part of the body
  // (bachata choruses add voices and push the band). Loudness is smoothed over neighbouring
  // phrases of the same stretch (never across a mambo edge or a pausa) and split in two
  // levels; if the two levels are within 1 dB there is no chorus to speak of.
  const cut = new Set([...forced, ...mamboRuns.flat(), bodyStart, bodyEnd])
  const kind: SectionLabel[] = features.map((_, i) => (i < bodyStart ? 'intro' : i >= bodyEnd ? 'outro' : inMambo(i) ? 'mambo' : 'verse'))
  const plain = features.map((_, i) => i).filter((i) => kind[i] === 'verse')
  const smooth = features.map((_, i) => {
    const xs = [db[i]]
    if (i - 1 >= 0 && kind[i - 1] === 'verse' && !cut.has(i)) xs.push(db[i - 1])
    if (i + 1 < n && kind[i + 1] === 'verse' && !cut.has(i + 1)) xs.push(db[i + 1])
    return mean(xs)
  })
  const [low, high] = twoLevels(plain.map((i) => smooth[i]))
  if (high - low >= 1) for (const i of plain) if (smooth[i] - low > high - smooth[i]) kind[i] = 'chorus'
  // A lone phrase of the other kind inside a stretch is a fill or a pickup, not a section.
  for (const i of plain) {
    if (i > bodyStart && i + 1 < bodyEnd && kind[i - 1] === kind[i + 1] && kind[i - 1] !== kind[i] && plain.includes(i - 1) && plain.includes(i + 1)) kind[i] = kind[i - 1]
  }

  // Sections: runs of one label, also cut at pausa re-entries and mambo edges.
  const segs: Array<{ start: number; end: number; label: SectionLabel }> = []
  for (let i = 0; i < n; i++) {
    const last = segs[segs.length - 1]
    if (last && last.label === kind[i] && !cut.has(i)) last.end = i + 1
    else segs.push({ start: i, end: i + 1, label: kind[i] })
  }
  return segs.map((seg, i) => {
    const first = seg.label === 'intro' || seg.label === 'outro' ? -1 : segs.findIndex((o, j) => j < i && o.label === seg.label)
    return { startPhrase: seg.start, endPhrase: seg.end, label: seg.label, repeatOf: first >= 0 ? first : null }
  })
}

/** Two-means clustering of scalars: the centres of the lower and the upper group. */
function twoLevels(xs: number[]): [number, number] {
  if (xs.length < 2) return [xs[0] ?? 0, xs[0] ?? 0]
  let lo = Math.min(...xs)
  let hi = Math.max(...xs)
  for (let it = 0; it < 20; it++) {
    const a = xs.filter((x) => Math.abs(x - lo) <= Math.abs(x - hi))
    const b = xs.filter((x) => Math.abs(x - lo) > Math.abs(x - hi))
    const nlo = a.length ? mean(a) : lo
    const nhi = b.length ? mean(b) : hi
    if (nlo === lo && nhi === hi) break
    lo = nlo
    hi = nhi
  }
  return [lo, hi]
}
