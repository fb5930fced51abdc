/**
 * The count-one part of bench:analysis (issue 10): on the reported test set
 * (scripts/demo/songs/count-one-test-set.ts: 12 regular, 12 irregular songs, tempi 100–170,
 * WAV/MP3/M4A; never used for tuning), side by side on the same decoded audio: ours, the
 * naive count one (every 8th of our beats from the first), and aubio's beats (Debian's
 * aubio-tools) with the same naive count, where aubio is installed. Per section the
 * calibration of countOneConfidence against the "sure" threshold, and the irregularities
 * reported against the true ones.
 */
import { execa } from 'execa'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { decodeAudio } from '@/lib/engines/audio/decode-audio'
import { encodeWav } from '@/lib/engines/audio/encode-wav'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { mean } from '@/lib/shared/numbers'
import { countOneTestSet, type CountOneTestSong } from '@/scripts/demo/songs/count-one-test-set'
import { COUNT_EVENT_KINDS, generateDemoSong } from '@/scripts/demo/songs/generate-demo-song'
import { spliceIrregularSong, type IrregularSongTruth } from '@/scripts/demo/songs/splice-irregular-song'
import { byKind, calibrate, countOneByKind, movesOnTrueOne, sectionVerdicts, SURE, type KindScore, type SectionVerdict, fRounded as f } from './count-one-by-kind'

const DIR = '.data/count-one-set'

export interface CountOneSetRow {
  song: string; set: CountOneTestSong['set']; format: CountOneTestSong['format']; bpm: number; seconds: number
  beatF: number; downbeatF: number; countOneF: { ours: number; naive: number }
  aubio: { beatF: number; countOneF: number } | null
  /** Song-wide count-one confidence (confidenceParts.countOne). */
  confidence: number
  cpuSeconds: number
  sections: SectionVerdict[]
  irregularities: { true: number; found: number; missed: number; false: number }
  /** The edits made to the generated song (the generator's own rubato intro, pausas, tempo step and fade-out are in kinds). */
  edits: string
  /** Count-one F around each true irregularity. */
  kinds: KindScore[]
  /** A default blueprint on the analysis: moves, those on a true count one (≤ 1 frame), grid problems against the truth. */
  moves: { moves: number; onOne: number; problems: number }
}

const every = (xs: readonly number[], k: number) => xs.filter((_, i) => i % k === 0)

async function aubioBeats(file: string): Promise<number[] | null> {
  try {
    const r = await execa('aubio', ['beat', file], { timeout: 120_000 })
    return r.stdout.split(/\s+/).filter(Boolean).map(Number).filter(Number.isFinite)
  } catch {
    return null
  }
}

async function writeSong(song: CountOneTestSong): Promise<{ file: string; wav: string; truth: IrregularSongTruth }> {
  mkdirSync(DIR, { recursive: true })
  const base = generateDemoSong(song.spec)
  const edited = spliceIrregularSong(base, song.edits, song.name)
  const wav = path.join(DIR, `${song.name}.wav`)
  writeFileSync(wav, encodeWav(edited.pcm, edited.sampleRate))
  if (song.format === 'wav') return { file: wav, wav, truth: edited.truth }
  const file = path.join(DIR, `${song.name}.${song.format}`)
  const codec = song.format === 'mp3' ? ['-c:a', 'libmp3lame', '-b:a', '160k'] : ['-c:a', 'aac', '-b:a', '160k']
  await runFfmpeg(['-y', '-i', wav, ...codec, file], { timeout: 120_000 })
  return { file, wav, truth: edited.truth }
}

/** The truth's count events: edits and band stops (the form's pausas among them); a rubato intro, tempo step or fade-out is none. */
function trueIrregularities(truth: IrregularSongTruth): number[] {
  return truth.irregularities.filter((i) => COUNT_EVENT_KINDS.includes(i.kind)).map((i) => i.time)
}

function measure(song: CountOneTestSong, truth: IrregularSongTruth, a: SongAnalysis, aubio: number[] | null, cpuSeconds: number): CountOneSetRow {
  const bar = (4 * 60) / truth.bpm
  const trueIrr = trueIrregularities(truth)
  const reported = a.irregularities.map((r) => r.time)
  const found = trueIrr.filter((t) => reported.some((r) => Math.abs(r - t) <= bar)).length
  return {
    edits: song.edits.map((e) => e.kind + ('bars' in e && e.bars === 2 ? '×2' : '')).join('+') || '—',
    kinds: countOneByKind(truth, a),
    moves: movesOnTrueOne(a, truth),
    song: song.name, set: song.set, format: song.format, bpm: Math.round(truth.bpm * 10) / 10, seconds: Math.round(truth.durationSeconds),
    beatF: f(truth.beats, a.beats), downbeatF: f(truth.downbeats, a.downbeats),
    countOneF: { ours: f(truth.countOne, a.countOne), naive: f(truth.countOne, every(a.beats, 8)) },
    aubio: aubio ? { beatF: f(truth.beats, aubio), countOneF: f(truth.countOne, every(aubio, 8)) } : null,
    confidence: Math.round((a.confidenceParts?.countOne ?? 0) * 100) / 100,
    cpuSeconds,
    sections: sectionVerdicts(truth, a),
    irregularities: { true: trueIrr.length, found, missed: trueIrr.length - found, false: reported.filter((r) => !trueIrr.some((t) => Math.abs(r - t) <= bar)).length },
  }
}

export async function runCountOneSet() {
  // A missing binary fails to spawn (no exit code); aubio itself exits with some code.
  const hasAubio = (await execa('aubio', ['--help'], { reject: false })).exitCode !== undefined
  if (!hasAubio) console.log('aubio not installed (apt-get install aubio-tools): the aubio column is left out')
  const rows: CountOneSetRow[] = []
  for (const song of countOneTestSet()) {
    const { file, truth } = await writeSong(song)
    const { pcm, sampleRate } = await decodeAudio(file)
    const cpu0 = process.cpuUsage()
    const a = analyzePcm(pcm, sampleRate)
    const c = process.cpuUsage(cpu0)
    rows.push(measure(song, truth, a, hasAubio ? await aubioBeats(file) : null, (c.user + c.system) / 1e6))
  }
  const sets = Object.fromEntries((['regular', 'irregular'] as const).map((set) => {
    const rs = rows.filter((r) => r.set === set)
    const m = (g: (r: CountOneSetRow) => number) => Math.round(mean(rs.map(g)) * 1000) / 1000
    const aub = rs.filter((r) => r.aubio)
    return [set, {
      songs: rs.length,
      ours: { beatF: m((r) => r.beatF), downbeatF: m((r) => r.downbeatF), countOneF: m((r) => r.countOneF.ours) },
      naive: { countOneF: m((r) => r.countOneF.naive) },
      aubio: aub.length ? { beatF: Math.round(mean(aub.map((r) => r.aubio!.beatF)) * 1000) / 1000, countOneF: Math.round(mean(aub.map((r) => r.aubio!.countOneF)) * 1000) / 1000 } : null,
      irregularities: (['true', 'found', 'missed', 'false'] as const).reduce((o, k) => ({ ...o, [k]: rs.reduce((s, r) => s + r.irregularities[k], 0) }), {} as CountOneSetRow['irregularities']),
      movesOnTrueOne: { moves: rs.reduce((a, r) => a + r.moves.moves, 0), onOne: rs.reduce((a, r) => a + r.moves.onOne, 0), songsAllRight: rs.filter((r) => r.moves.problems === 0).length },
    }]
  }))
  const secs = rows.flatMap((r) => r.sections)
  const calibration = { threshold: SURE, sure: calibrate(secs), unsure: calibrate(secs, 0, SURE) }
  const audioSeconds = rows.reduce((s, r) => s + r.seconds, 0)
  const cpuPerAudioSecond = rows.reduce((s, r) => s + r.cpuSeconds, 0) / audioSeconds

  const kinds = byKind(rows.flatMap((r) => r.kinds))
  const p = (x: number) => x.toFixed(3)
  console.log('song                          set        fmt  bpm    edits                                   beatF  downF  c1 naive  c1 ours  aubio beatF/c1  conf  irr true/found/false  moves on a true 1')
  for (const r of rows) {
    console.log(`${r.song.padEnd(29)} ${r.set.padEnd(10)} ${r.format.padEnd(4)} ${String(r.bpm).padEnd(6)} ${r.edits.padEnd(39)} ${p(r.beatF)}  ${p(r.downbeatF)}  ${p(r.countOneF.naive)}    ${p(r.countOneF.ours)}    ${r.aubio ? `${p(r.aubio.beatF)}/${p(r.aubio.countOneF)}` : '   —   '}  ${r.confidence.toFixed(2)}  ${r.irregularities.true}/${r.irregularities.found}/${r.irregularities.false}                ${r.moves.onOne}/${r.moves.moves}${r.moves.problems ? ` (${r.moves.problems} grid problems)` : ''}`)
  }
  console.log('count-one F per irregularity kind', JSON.stringify(kinds))
  for (const [set, s] of Object.entries(sets)) console.log(set, JSON.stringify(s))
  console.log('calibration', JSON.stringify(calibration), `cpu ${cpuPerAudioSecond.toFixed(4)} s per audio second (${Math.round(1 / cpuPerAudioSecond)}x real time)`)
  return { tuningSet: 'bench:count-one (the demo songs and irregular-song-specs.ts)', reportedSet: 'scripts/demo/songs/count-one-test-set.ts', sets, countOneByKind: kinds, calibration, cpuPerAudioSecond, rows }
}
