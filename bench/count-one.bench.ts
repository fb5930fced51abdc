/**
 * npm run bench:count-one — where the 8-count is when the arrangement is not regular
 * (issue 10). Each demo song as generated (regular) and edited with the irregularities real
 * arrangements have (scripts/demo/songs/irregular-song-specs.ts: tags, 2-beat bars, restarts
 * after a pause, band stops); the truth of the edited song is carried through the edit, never
 * "every 8th beat". Side by side on the same audio:
 *  - naive: every 8th beat from the first beat (what a plain beat tracker gives);
 *  - song: the analysis before issue 10 (one count-one parity for the whole song,
 *    phraseTracking 'song');
 *  - local: the default since ANALYSIS_VERSION 4, the count decoded beat by beat
 *    (decode-count-grid), leaving the lattice at evidence.
 * This is the TUNING set of the count decoder; the reported set is bench:analysis's
 * (scripts/demo/songs/count-one-test-set.ts).
 * Beat / downbeat / count-one F per song and per set, and the count-one confidence the
 * shipped analysis reports (a wrong phase reported as sure is the failure to watch).
 * Writes bench/results/count-one.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { mean } from '@/lib/shared/numbers'
import { COUNT_EVENT_KINDS, generateDemoSong, type DemoSongTruth } from '@/scripts/demo/songs/generate-demo-song'
import { IRREGULAR_SONG_SPECS, tuningSongSpec } from '@/scripts/demo/songs/irregular-song-specs'
import { spliceIrregularSong } from '@/scripts/demo/songs/splice-irregular-song'
import { byKind, calibrate, countOneByKind, movesOnTrueOne, sectionVerdicts, SURE, type KindScore, type SectionVerdict, fRounded as f } from './count-one-by-kind'

const naive = (a: SongAnalysis) => a.beats.filter((_, i) => i % 8 === 0)

interface Row {
  song: string; set: 'regular' | 'irregular'; beatF: number; downbeatF: number; localDownbeatF: number
  countOneF: { naive: number; song: number; local: number }; songConfidence: number
  /** Truth irregularities the local grid reports within a bar of where they are. */
  irregularitiesFound: number; irregularitiesTrue: number; irregularitiesReported: number
  /** Per section of the local analysis: its count-one confidence and whether its count ones are right. */
  sections: SectionVerdict[]
  /** Count-one F (local) around each true irregularity. */
  kinds: KindScore[]
  /** A default blueprint on the local analysis: moves, and those on a true count one. */
  moves: { moves: number; onOne: number; problems: number }
}

function measure(name: string, set: Row['set'], synth: Float32Array, sampleRate: number, truth: DemoSongTruth): Row {
  // As a 16-bit file would give it: decisions that flip on rounding noise should show here.
  const pcm = Float32Array.from(synth, (v) => Math.round(Math.max(-1, Math.min(1, v)) * 32767) / 32767)
  const song = analyzePcm(pcm, sampleRate, { phraseTracking: 'song' })
  const local = analyzePcm(pcm, sampleRate)
  const bar = (4 * 60) / truth.bpm
  // The count-changing edits and band stops (a rubato intro, tempo step or fade-out is no count event to report).
  const trueIrr = truth.irregularities.filter((i) => COUNT_EVENT_KINDS.includes(i.kind))
  return {
    kinds: countOneByKind(truth, local),
    moves: movesOnTrueOne(local, truth),
    irregularitiesTrue: trueIrr.length,
    irregularitiesFound: trueIrr.filter((i) => local.irregularities.some((r) => Math.abs(r.time - i.time) <= bar)).length,
    irregularitiesReported: local.irregularities.length,
    sections: sectionVerdicts(truth, local),
    song: name, set,
    beatF: f(truth.beats, song.beats), downbeatF: f(truth.downbeats, song.downbeats), localDownbeatF: f(truth.downbeats, local.downbeats),
    countOneF: { naive: f(truth.countOne, naive(song)), song: f(truth.countOne, song.countOne), local: f(truth.countOne, local.countOne) },
    songConfidence: Math.round((song.confidenceParts?.countOne ?? song.confidence) * 100) / 100,
  }
}

const rows: Row[] = []
for (const spec of IRREGULAR_SONG_SPECS) {
  const recipe = tuningSongSpec(spec)
  const base = generateDemoSong(recipe)
  rows.push(measure(recipe.name, 'regular', base.pcm, base.sampleRate, base.truth))
  const edited = spliceIrregularSong(base, spec.edits, spec.name)
  rows.push(measure(spec.name, 'irregular', edited.pcm, edited.sampleRate, edited.truth))
}

const summary = Object.fromEntries((['regular', 'irregular'] as const).map((set) => {
  const rs = rows.filter((r) => r.set === set)
  const m = (g: (r: Row) => number) => Math.round(mean(rs.map(g)) * 1000) / 1000
  return [set, {
    songs: rs.length, beatF: m((r) => r.beatF), downbeatF: { song: m((r) => r.downbeatF), local: m((r) => r.localDownbeatF) },
    countOneF: { naive: m((r) => r.countOneF.naive), song: m((r) => r.countOneF.song), local: m((r) => r.countOneF.local) },
    // Songs whose count one is mostly wrong while the analysis calls it sure (≥ 0.6, the UI's threshold).
    wrongButSure: rs.filter((r) => r.countOneF.song < 0.9 && r.songConfidence >= 0.6).map((r) => r.song),
    irregularities: { true: rs.reduce((a, r) => a + r.irregularitiesTrue, 0), found: rs.reduce((a, r) => a + r.irregularitiesFound, 0), reported: rs.reduce((a, r) => a + r.irregularitiesReported, 0) },
    movesOnTrueOne: { moves: rs.reduce((a, r) => a + r.moves.moves, 0), onOne: rs.reduce((a, r) => a + r.moves.onOne, 0), songsAllRight: rs.filter((r) => r.moves.problems === 0).length },
  }]
}))
// Calibration of the local per-section confidence: are the sections below "sure" (0.6, the
// UI's threshold) the ones that are wrong?
const secs = rows.flatMap((r) => r.sections)
const calibration = { sure: calibrate(secs), unsure: calibrate(secs, 0, SURE), byDecile: [0, 0.2, 0.4, 0.6, 0.8].map((lo) => ({ from: lo, ...calibrate(secs, lo, lo + 0.2 + (lo === 0.8 ? 0.01 : 0)) })) }

const kinds = byKind(rows.flatMap((r) => r.kinds))
console.log('song'.padEnd(30), 'set'.padEnd(10), 'beat', ' down', ' c1:naive', ' song', ' local', ' conf', ' moves on a true 1')
for (const r of rows) {
  console.log(r.song.padEnd(30), r.set.padEnd(10), r.beatF.toFixed(3), r.downbeatF.toFixed(3), ' ', r.countOneF.naive.toFixed(3), r.countOneF.song.toFixed(3), r.countOneF.local.toFixed(3), r.songConfidence.toFixed(2), ` ${r.moves.onOne}/${r.moves.moves}${r.moves.problems ? ` (${r.moves.problems} grid problems)` : ''}`)
}
console.log(JSON.stringify({ summary, calibration, countOneByKind: kinds }, null, 2))
mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/count-one.json', JSON.stringify({ when: new Date().toISOString(), summary, calibration, countOneByKind: kinds, rows }, null, 2))
