/**
 * npm run bench:count-one-dev — the count decoder's DEVELOPMENT set (issue 10): fresh
 * performances of the demo recipes, 48 regular and 96 irregular, to tune on beside
 * bench:count-one without looking at the reported set (count-one-test-set.ts). Seeds are the
 * recipe's + 5000 (regular) or + 6000 (irregular) + i; tempi are even values between the
 * reported set's (which are 100 + 6k and 170), so no song coincides with a reported one. The
 * irregular songs take the reported set's edit plans (editsFor: the same generator and splice
 * code, the edits at their musical places) on their own seeds and tempi, and 8 more have a
 * band stop that comes back on 5 (every other edit here comes back on 1); then every recipe
 * with every edit plan once.
 * `--wide` adds 128 more irregular songs (set "wide"): every recipe with every edit plan, twice,
 * on seeds + 7000 and odd tempi of their own — the edit plans' failure modes show up there often
 * enough to decide on (a plan-7 restart, a fade-out's ring-out) without the reported set.
 * Rendered songs are cached in .data/count-one-dev (keyed by generator version); a run only
 * analyses. `--only=name,name` runs some songs. Writes bench/results/count-one-dev.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { mean } from '@/lib/shared/numbers'
import { editsFor, joinAt } from '@/scripts/demo/songs/count-one-test-set'
import { DEMO_SONG_SPECS, type DemoSongSpec } from '@/scripts/demo/songs/demo-song-spec'
import { DEMO_SONG_GENERATOR_VERSION, generateDemoSong, type DemoSongTruth } from '@/scripts/demo/songs/generate-demo-song'
import type { Irregularity } from '@/scripts/demo/songs/splice-irregular-song'
import { spliceIrregularSong } from '@/scripts/demo/songs/splice-irregular-song'
import { byKind, calibrate, countOneByKind, sectionVerdicts, SURE, type KindScore, type SectionVerdict, fRounded as f } from './count-one-by-kind'

const DIR = `.data/count-one-dev/v${DEMO_SONG_GENERATOR_VERSION}`
const TEMPI = [102, 104, 108, 110, 114, 116, 120, 122, 126, 128, 132, 134, 138, 140, 144, 146, 150, 152, 156, 158, 162, 164, 166, 168]

const WIDE_TEMPI = [101, 103, 107, 111, 113, 117, 119, 123, 127, 129, 131, 135, 137, 141, 143, 147, 149, 153, 155, 159, 161, 163, 167, 169]

interface DevSong { name: string; set: 'regular' | 'irregular' | 'wide'; spec: DemoSongSpec; edits: Irregularity[] }

export function countOneDevSet(): DevSong[] {
  const out: DevSong[] = []
  // Each tempo twice, on different recipes (the second round shifted by 3).
  for (let i = 0; i < 2 * TEMPI.length; i++) {
    const bpm = TEMPI[i % TEMPI.length]
    const r = DEMO_SONG_SPECS[(i + 3 * Math.floor(i / TEMPI.length)) % DEMO_SONG_SPECS.length]
    out.push({ name: `${r.name.replace(/-\d+$/, '')}-${bpm}-dr${i}`, set: 'regular', spec: { ...r, name: `dev-r${i}`, seed: r.seed + 5000 + i, bpm }, edits: [] })
  }
  for (let i = 0; i < 48; i++) {
    // Edit plan i % 8 on the recipe three places after it (i < 32), then on its own recipe
    // (the reported set's pairing, on other seeds and tempi), then band stops that come back on 5.
    const r = DEMO_SONG_SPECS[(i + (i < 32 ? 3 : 0)) % DEMO_SONG_SPECS.length]
    const bpm = TEMPI[(i < 32 ? i * 5 + 2 : i * 7 + 5) % TEMPI.length]
    const spec = { ...r, name: `dev-x${i}`, seed: r.seed + 6000 + i, bpm }
    out.push({ name: `${r.name.replace(/-\d+$/, '')}-${bpm}-dx${i}`, set: 'irregular', spec, edits: i < 40 ? editsFor(i, spec) : stopsOnFive(i, spec) })
  }
  // Every other recipe and edit plan together once (above, each plan met two recipes only).
  let i = 48
  for (let d = 1; d < DEMO_SONG_SPECS.length; d++) {
    if (d === 3) continue
    for (let plan = 0; plan < 8; plan++, i++) {
      const r = DEMO_SONG_SPECS[(plan + d) % DEMO_SONG_SPECS.length]
      const bpm = TEMPI[(i * 11 + 7) % TEMPI.length]
      const spec = { ...r, name: `dev-x${i}`, seed: r.seed + 6000 + i, bpm }
      out.push({ name: `${r.name.replace(/-\d+$/, '')}-${bpm}-dx${i}`, set: 'irregular', spec, edits: editsFor(plan, spec) })
    }
  }
  return out
}

/** The wide set: each recipe with each of the 8 edit plans twice. */
export function countOneWideSet(): DevSong[] {
  const out: DevSong[] = []
  let i = 0
  DEMO_SONG_SPECS.forEach((r, k) => {
    for (let plan = 0; plan < 8; plan++) {
      for (let v = 0; v < 2; v++, i++) {
        const bpm = WIDE_TEMPI[(i * 13 + 5 + k) % WIDE_TEMPI.length]
        const spec = { ...r, name: `wide-${i}`, seed: r.seed + 7000 + i, bpm }
        out.push({ name: `${r.name.replace(/-\d+$/, '')}-${bpm}-w${i}`, set: 'wide', spec, edits: editsFor(plan, spec) })
      }
    }
  })
  return out
}

/**
 * A one-bar band stop over counts 1–4, the band back on 5, alone or before a tag: a re-entry
 * that is not a phrase start, where every other edit's is (a decoder prior "the band comes back
 * on 1" was tried on this set and rejected: it breaks these).
 */
function stopsOnFive(i: number, spec: DemoSongSpec): Irregularity[] {
  const at = joinAt(spec)
  return i % 2 === 0
    ? [{ kind: 'band-stop', inPhrase: at(1) + 1, reentersOn: 5 }]
    : [{ kind: 'band-stop', inPhrase: at(2) + 1, reentersOn: 5 }, { kind: 'tag', beforePhrase: at(3) }]
}

/** The song as a 16-bit file would give it, rendered once and cached. */
function load(song: DevSong): { pcm: Float32Array; sampleRate: number; truth: DemoSongTruth } {
  const base = path.join(DIR, song.name)
  if (existsSync(`${base}.json`)) {
    const { sampleRate, truth } = JSON.parse(readFileSync(`${base}.json`, 'utf8'))
    const buf = readFileSync(`${base}.pcm`)
    const i16 = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2)
    return { pcm: Float32Array.from(i16, (v) => v / 32767), sampleRate, truth }
  }
  const edited = spliceIrregularSong(generateDemoSong(song.spec), song.edits, song.name)
  const i16 = Int16Array.from(edited.pcm, (v) => Math.round(Math.max(-1, Math.min(1, v)) * 32767))
  mkdirSync(DIR, { recursive: true })
  writeFileSync(`${base}.pcm`, Buffer.from(i16.buffer))
  writeFileSync(`${base}.json`, JSON.stringify({ sampleRate: edited.sampleRate, truth: edited.truth }))
  return { pcm: Float32Array.from(i16, (v) => v / 32767), sampleRate: edited.sampleRate, truth: edited.truth }
}


interface Row { song: string; set: DevSong['set']; edits: string; beatF: number; downbeatF: number; countOneF: number; confidence: number; sections: SectionVerdict[] }

async function main() {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',')
  const rows: Row[] = []
  const kinds: KindScore[] = []
  const wide = process.argv.includes('--wide')
  for (const song of [...countOneDevSet(), ...(wide ? countOneWideSet() : [])].filter((s) => !only || only.includes(s.name))) {
    const { pcm, sampleRate, truth } = load(song)
    const a = analyzePcm(pcm, sampleRate)
    const row: Row = {
      song: song.name, set: song.set, edits: song.edits.map((e) => e.kind).join('+') || '—',
      beatF: f(truth.beats, a.beats), downbeatF: f(truth.downbeats, a.downbeats), countOneF: f(truth.countOne, a.countOne),
      confidence: Math.round((a.confidenceParts?.countOne ?? 0) * 100) / 100,
      sections: sectionVerdicts(truth, a),
    }
    const k = countOneByKind(truth, a)
    kinds.push(...k)
    rows.push(row)
    // The irregularities around which the count is off, to find the failure modes.
    const weak = k.filter((s) => s.f < 0.9).map((s) => `${s.kind} ${s.f.toFixed(2)}`).join(', ')
    console.log(row.song.padEnd(28), row.set.padEnd(10), row.edits.padEnd(36), row.beatF.toFixed(3), row.downbeatF.toFixed(3), row.countOneF.toFixed(3), row.confidence.toFixed(2), weak)
  }
  const setNames: DevSong['set'][] = wide ? ['regular', 'irregular', 'wide'] : ['regular', 'irregular']
  const sets = Object.fromEntries(setNames.map((set) => {
    const rs = rows.filter((r) => r.set === set)
    const m = (g: (r: Row) => number) => Math.round(mean(rs.map(g)) * 1000) / 1000
    return [set, { songs: rs.length, beatF: m((r) => r.beatF), downbeatF: m((r) => r.downbeatF), countOneF: m((r) => r.countOneF), below095: rs.filter((r) => r.countOneF < 0.95).map((r) => r.song) }]
  }))
  const byK = byKind(kinds)
  // Sections below "sure" should be where the wrong ones are.
  const secs = rows.flatMap((r) => r.sections)
  const calibration = { threshold: SURE, sure: calibrate(secs), unsure: calibrate(secs, 0, SURE) }
  for (const [set, s] of Object.entries(sets)) console.log(set, JSON.stringify(s))
  console.log('count-one F per kind', JSON.stringify(byK))
  console.log('calibration', JSON.stringify(calibration))
  if (!only) {
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/count-one-dev.json', JSON.stringify({ when: new Date().toISOString(), sets, countOneByKind: byK, calibration, rows }, null, 2))
  }
}

// Importable (countOneDevSet) without running.
if (process.argv[1]?.endsWith('count-one-dev.ts')) void main()
