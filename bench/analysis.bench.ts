/**
 * npm run bench:analysis — accuracy and speed of music analysis on the synthetic bachata set.
 * Writes bench/results/analysis.json and prints a table. Speed is CPU time of analyzePcm on
 * one core (the machine is shared, so wall time is reported too but not trusted); peak RSS
 * is measured in a fresh child process that decodes and analyses a 3-minute song.
 * First, the count-one test set of issue 10 (bench/count-one-set.ts: 24 songs, regular and
 * irregular, WAV/MP3/M4A), ours against the naive count one and aubio's beats (skipped, with a
 * note, where aubio-tools is not installed); --no-count-one leaves it out.
 */
import { execa } from 'execa'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { buildOnsetEnvelope } from '@/lib/engines/audio/build-onset-envelope'
import { computeSpectralFeatures } from '@/lib/engines/audio/compute-spectral-features'
import { decodeAudio } from '@/lib/engines/audio/decode-audio'
import { DEMO_SONG_SPECS, THREE_MINUTE_SONG_SPEC as THREE_MINUTES, type DemoSongSpec } from '@/scripts/demo/songs/demo-song-spec'
import type { DemoSongTruth } from '@/scripts/demo/songs/generate-demo-song'
import { writeDemoSongs } from '@/scripts/demo/songs/write-demo-songs'
import { estimateTempo } from '@/lib/engines/audio/estimate-tempo'
import { fMeasure, tempoError } from '@/tests/fixtures/metrics/evaluate-beats'
import { trackBeats } from '@/lib/engines/audio/track-beats'
import { movingAverage } from '@/lib/engines/audio/signal-utils'
import { ONSET_BANDS } from '@/lib/engines/audio/analysis-config'
import { mean } from '@/lib/shared/numbers'
import { runCountOneSet } from './count-one-set'

const OUT = 'bench/results/analysis.json'

/** The held-out set: same recipes, new random performances and slightly different tempi. */
const HOLDOUT: DemoSongSpec[] = DEMO_SONG_SPECS.map((s, i) => ({ ...s, name: `${s.name}-alt`, seed: s.seed + 1000, bpm: s.bpm + (i % 2 ? 3 : -3) }))


interface SongRow {
  name: string; set: 'demo' | 'holdout'; bpm: number; seconds: number
  beatF: number; downbeatF: number; countOneF: number; countOneCorrect: boolean; tempoError: number
  breaksFound: string; mambosFound: string; phraseLabelAccuracy: number; confidence: number; naiveBeatF: number
  cpuMs: number; wallMs: number; xRealTime: number
}

/** What a textbook tracker does with the same tempo: broadband flux + dynamic programming. */
function naiveBeats(pcm: Float32Array): number[] {
  const f = computeSpectralFeatures(pcm)
  const raw = new Float32Array(f.frameCount)
  f.bandFlux.forEach((x, b) => { for (let i = 0; i < raw.length; i++) raw[i] += x[i] * (ONSET_BANDS[b][1] - ONSET_BANDS[b][0]) })
  const trend = movingAverage(raw, 17)
  const env = raw.map((v, i) => Math.max(0, v - trend[i]))
  const tempo = estimateTempo(buildOnsetEnvelope(f).combined, f.frameRate)
  return trackBeats(env, { period: tempo.period }).map((t) => t / f.frameRate)
}

function score(name: string, set: SongRow['set'], truth: DemoSongTruth, pcm: Float32Array, sampleRate: number): SongRow {
  const cpu0 = process.cpuUsage()
  const wall0 = performance.now()
  const a = analyzePcm(pcm, sampleRate)
  const wallMs = performance.now() - wall0
  const c = process.cpuUsage(cpu0)
  const cpuMs = (c.user + c.system) / 1000
  const phrase = (8 * 60) / truth.bpm
  const breaks = truth.breaks.filter((b) => a.breaks.some((d) => Math.abs(d.start - b.start) <= phrase && d.end > b.start)).length
  const mambos = truth.mambos.filter((m) => a.sections.some((s) => s.label === 'mambo' && Math.abs(s.start - m.start) <= phrase && Math.abs(s.end - m.end) <= phrase)).length
  const countOneF = fMeasure(truth.countOne, a.countOne).f
  // Share of detected phrases whose section label matches the true section at its middle.
  const labelled = a.phrases.filter((p) => {
    const mid = (p.start + p.end) / 2
    return truth.sections.find((s) => mid >= s.start && mid < s.end)?.label === p.section
  }).length
  return {
    name, set, bpm: Math.round(truth.bpm * 10) / 10, seconds: Math.round(truth.durationSeconds),
    beatF: fMeasure(truth.beats, a.beats).f, downbeatF: fMeasure(truth.downbeats, a.downbeats).f,
    countOneF, countOneCorrect: countOneF >= 0.9, tempoError: tempoError(truth.bpm, a.bpm),
    breaksFound: `${breaks}/${truth.breaks.length}`, mambosFound: `${mambos}/${truth.mambos.length}`,
    phraseLabelAccuracy: labelled / Math.max(1, a.phrases.length),
    confidence: a.confidence, naiveBeatF: fMeasure(truth.beats, naiveBeats(pcm)).f,
    cpuMs: Math.round(cpuMs), wallMs: Math.round(wallMs), xRealTime: Math.round(truth.durationSeconds / (cpuMs / 1000)),
  }
}

async function child(file: string) {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const { pcm, sampleRate, durationSeconds } = await decodeAudio(file)
  const t1 = performance.now()
  const c1 = process.cpuUsage(cpu0)
  analyzePcm(pcm, sampleRate)
  const c2 = process.cpuUsage(cpu0)
  process.stdout.write(JSON.stringify({
    durationSeconds, decodeWallMs: Math.round(t1 - t0), analyzeWallMs: Math.round(performance.now() - t1),
    analyzeCpuMs: Math.round((c2.user + c2.system - c1.user - c1.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }))
}

const f3 = (x: number) => x.toFixed(3)

async function main() {
  const rows: SongRow[] = []
  for (const [set, specs, outDir] of [['demo', DEMO_SONG_SPECS, '.data/demo-songs'], ['holdout', HOLDOUT, '.data/demo-songs-holdout']] as const) {
    for (const song of await writeDemoSongs({ outDir, specs, mp3: false })) {
      const { pcm, sampleRate } = await decodeAudio(song.wav)
      rows.push(score(song.name, set, song.truth, pcm, sampleRate))
    }
  }
  const [long] = await writeDemoSongs({ outDir: '.data/demo-songs-bench', specs: [THREE_MINUTES], mp3: false })
  const runs = []
  for (let i = 0; i < 3; i++) {
    const r = await execa(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', long.wav], { timeout: 120_000 })
    runs.push(JSON.parse(r.stdout) as { durationSeconds: number; decodeWallMs: number; analyzeWallMs: number; analyzeCpuMs: number; peakRssMb: number })
  }
  runs.sort((a, b) => a.analyzeCpuMs - b.analyzeCpuMs)
  const threeMin = { ...runs[1], xRealTime: Math.round(runs[1].durationSeconds / (runs[1].analyzeCpuMs / 1000)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) }

  const summary = (set: SongRow['set']) => {
    const r = rows.filter((x) => x.set === set)
    return {
      songs: r.length,
      meanBeatF: mean(r.map((x) => x.beatF)), minBeatF: Math.min(...r.map((x) => x.beatF)),
      meanDownbeatF: mean(r.map((x) => x.downbeatF)), minDownbeatF: Math.min(...r.map((x) => x.downbeatF)),
      countOneCorrect: r.filter((x) => x.countOneCorrect).length / r.length,
      maxTempoError: Math.max(...r.map((x) => x.tempoError)),
      meanNaiveBeatF: mean(r.map((x) => x.naiveBeatF)),
      breaksFound: r.reduce((a, x) => a + Number(x.breaksFound.split('/')[0]), 0) / r.reduce((a, x) => a + Number(x.breaksFound.split('/')[1]), 0),
      mambosFound: r.reduce((a, x) => a + Number(x.mambosFound.split('/')[0]), 0) / r.reduce((a, x) => a + Number(x.mambosFound.split('/')[1]), 0),
      meanPhraseLabelAccuracy: mean(r.map((x) => x.phraseLabelAccuracy)),
      naiveOffBeatSongs: r.filter((x) => x.naiveBeatF < 0.5).length,
      meanXRealTime: Math.round(mean(r.map((x) => x.xRealTime))),
    }
  }
  const countOne = process.argv.includes('--no-count-one') ? null : await runCountOneSet()
  const result = {
    countOne,
    generatedAt: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, loadAvg: (await import('node:os')).loadavg().map((x) => Math.round(x * 100) / 100) },
    targets: { threeMinuteSongSeconds: 1.2, xRealTime: 150, peakRssMb: 200, countOneIrregular: 0.95, countOneRegular: 0.99, beatF: 0.95, downbeatF: 0.9, countOneSongs: 0.9, tempoError: 0.02 },
    overall: { demo: summary('demo'), holdout: summary('holdout') },
    threeMinuteSong: threeMin,
    songs: rows,
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(OUT, JSON.stringify(result, null, 2))

  console.log('song                        set      bpm   beatF  downF  c1F    tempo%  breaks mambos labels conf   naiveF  cpu ms  xRT')
  for (const r of rows) {
    console.log(`${r.name.padEnd(27)} ${r.set.padEnd(8)} ${String(r.bpm).padEnd(5)} ${f3(r.beatF)}  ${f3(r.downbeatF)}  ${f3(r.countOneF)}  ${(r.tempoError * 100).toFixed(2).padStart(5)}   ${r.breaksFound.padEnd(6)} ${r.mambosFound.padEnd(6)} ${f3(r.phraseLabelAccuracy)}  ${f3(r.confidence)}  ${f3(r.naiveBeatF)}  ${String(r.cpuMs).padStart(6)}  ${r.xRealTime}`)
  }
  for (const set of ['demo', 'holdout'] as const) console.log(set, JSON.stringify(result.overall[set]))
  console.log(`3-minute song (${threeMin.durationSeconds.toFixed(0)} s): analyse ${threeMin.analyzeCpuMs} ms CPU (${threeMin.analyzeWallMs} ms wall, ${threeMin.xRealTime}x real time), decode ${threeMin.decodeWallMs} ms wall, peak RSS ${threeMin.peakRssMb} MB`)
  console.log(`wrote ${OUT}`)
}

const childAt = process.argv.indexOf('--child')
if (childAt >= 0) child(process.argv[childAt + 1]).catch((e) => { console.error(e); process.exitCode = 1 })
else main().catch((e) => { console.error(e); process.exitCode = 1 })
