/**
 * npm run bench:choreo — the choreography engine against the original system's approach.
 * Scores (song, request) pairs — generated analyses plus lib/engines/audio's real analyses of its demo
 * songs — with scoreBlueprint for our engine and for the baseline
 * (lib/engines/choreography/baseline.ts), measures build latency on a 4-minute song with the
 * 150-move demo library, and writes bench/results/choreo.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { ChoreographyParamsSchema, type ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { regenerateMove } from '@/lib/engines/choreography/regenerate-move'
import { buildBaselineBlueprint } from '@/lib/engines/choreography/baseline'
import { scoreBlueprint, type BlueprintScore } from '@/lib/engines/choreography/score-blueprint'
import { generateAnalysis, randomSongSpec } from '@/tests/fixtures/choreography/generate-analysis'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { mean, percentile as pct } from '@/lib/shared/numbers'

const REQUESTS: { text: string; params: ChoreographyParams }[] = [
  {
    text: 'romantic beginner routine with a few easy turns, no dips, about two minutes',
    params: ChoreographyParamsSchema.parse({ difficulty: 'beginner', moods: ['romantic'], durationSeconds: 120, excludeFamilies: ['dip'], emphasis: [{ family: 'lady-turn', direction: 'more', count: 2 }], query: 'easy turns' }),
  },
  {
    text: 'sensual intermediate, lots of body waves, the whole song',
    params: ChoreographyParamsSchema.parse({ difficulty: 'intermediate', style: 'sensual', moods: ['smooth'], emphasis: [{ family: 'body-wave', direction: 'more', count: null }], query: 'body waves' }),
  },
  {
    text: 'energetic advanced traditional footwork for 90 seconds',
    params: ChoreographyParamsSchema.parse({ difficulty: 'advanced', style: 'traditional', energy: 'high', moods: ['energetic'], durationSeconds: 90, includeFamilies: ['footwork'], query: 'footwork' }),
  },
  {
    text: 'moderna turns with a Madrid, no hammerlock, fewer spins',
    params: ChoreographyParamsSchema.parse({ style: 'moderna', moods: ['playful'], excludeFamilies: ['hammerlock'], includeMoves: ['Madrid'], emphasis: [{ family: 'spin', direction: 'fewer', count: null }, { family: 'lady-turn', direction: 'more', count: null }], query: 'turns' }),
  },
]

const SONG_TEMPI = [108, 116, 124, 132, 140, 148]

function generatedSongs(): { name: string; analysis: SongAnalysis }[] {
  return SONG_TEMPI.map((bpm, i) => ({
    name: `generated-${bpm}`,
    analysis: generateAnalysis(randomSongSpec(1000 + i, { minBpm: bpm, maxBpm: bpm, minutes: 2.5 + (i % 3) * 0.6 })),
  }))
}

/** lib/engines/audio's demo songs through its real analyser; skipped (with a note) if that fails to load. */
async function realDemoSongs(): Promise<{ name: string; analysis: SongAnalysis }[]> {
  try {
    const { demoSongAnalyses } = await import('@/tests/fixtures/choreography/demo-song-analyses')
    return demoSongAnalyses().map((s) => ({ name: `demo-${s.name}`, analysis: s.analysis }))
  } catch (e) {
    console.log(`(real demo-song analyses unavailable: ${(e as Error).message.split('\n')[0]})`)
    return []
  }
}


/** The figures of the table: label, how to read it off a score. */
const FIGURES: [string, (s: BlueprintScore) => number | null][] = [
  ['overall (0–1)', (s) => s.overall],
  ['moves on count one (≤1 frame)', (s) => s.grid.shareOnCountOne],
  ['grid error, mean ms', (s) => s.grid.meanErrorMs],
  ['grid error, max ms', (s) => s.grid.maxErrorMs],
  ['whole 8-counts', (s) => s.grid.shareWholeEightCounts],
  ['retimed within ±12 %', (s) => s.tempo.shareWithinTolerance],
  ['danced in sync with the song (±3 %)', (s) => s.tempo.shareInSync],
  ['mean |rate − 1|', (s) => s.tempo.meanAbsRateDelta],
  ['legal transitions', (s) => s.transitions.share],
  ['unique moves / total', (s) => s.diversity.uniqueShare],
  ['max repeats of one move', (s) => s.diversity.maxRepeats],
  ['immediate repeats', (s) => s.diversity.immediateRepeats],
  ['energy correlation (Pearson)', (s) => s.energy.pearson],
  ['request satisfaction', (s) => s.request.score],
  ['difficulty ≤ requested', (s) => s.request.difficulty],
  ['style match', (s) => s.request.style],
  ['include satisfied', (s) => s.request.include],
  ['emphasis satisfied', (s) => s.request.emphasis],
  ['excluded moves used', (s) => s.request.excludeViolations],
  ['section boundaries on a move boundary', (s) => s.structure.share],
  ['breaks marked with a pose', (s) => (s.structure.breaks ? s.structure.breaksMarked / s.structure.breaks : null)],
  ['duration within one phrase', (s) => (s.duration.withinOnePhrase ? 1 : 0)],
]

function summarise(scores: BlueprintScore[]) {
  return Object.fromEntries(FIGURES.map(([label, get]) => {
    const xs = scores.map(get).filter((x): x is number => x !== null && Number.isFinite(x))
    return [label, xs.length ? Math.round(mean(xs) * 1000) / 1000 : null]
  }))
}

function latency(analysis: SongAnalysis, library: ReturnType<typeof demoLibrary>, runs: number) {
  const song = { id: 'bench', storageKey: 'songs/bench.mp3' }
  for (let i = 0; i < 5; i++) buildBlueprint({ analysis, params: {}, library, seed: i, song })
  const build: number[] = []
  const regen: number[] = []
  let moves = 0
  for (let i = 0; i < runs; i++) {
    const params = REQUESTS[i % REQUESTS.length].params
    const t0 = performance.now()
    const bp = buildBlueprint({ analysis, params: { ...params, durationSeconds: null }, library, seed: 100 + i, song })
    build.push(performance.now() - t0)
    moves = bp.moves.length
    const t1 = performance.now()
    try { regenerateMove(bp, i % bp.moves.length, { analysis, library, seed: i }) } catch { /* a slot with no alternative is a 422, not a latency */ }
    regen.push(performance.now() - t1)
  }
  const r = (x: number) => Math.round(x * 10) / 10
  return {
    songSeconds: r(analysis.durationSeconds), bpm: r(analysis.bpm), eightCounts: analysis.countOne.length, moves, runs,
    buildMs: { p50: r(pct(build, 50)), p95: r(pct(build, 95)), max: r(Math.max(...build)) },
    regenerateMs: { p50: r(pct(regen, 50)), p95: r(pct(regen, 95)) },
  }
}

async function main() {
  const library = demoLibrary()
  const songs = [...generatedSongs(), ...(await realDemoSongs())]
  const pairs: Record<string, unknown>[] = []
  const ours: BlueprintScore[] = []
  const base: BlueprintScore[] = []
  let seed = 1
  for (const { name, analysis } of songs) {
    for (const req of REQUESTS) {
      const song = { id: name, storageKey: `songs/${name}.mp3` }
      let a
      try {
        a = buildBlueprint({ analysis, params: req.params, library, seed, song })
      } catch (e) {
        pairs.push({ song: name, request: req.text, seed, error: (e as Error).message })
        seed++
        continue
      }
      const b = buildBaselineBlueprint({ analysis, params: req.params, library, seed, song })
      const sa = scoreBlueprint(a, analysis, req.params)
      const sb = scoreBlueprint(b, analysis, req.params)
      ours.push(sa)
      base.push(sb)
      pairs.push({ song: name, bpm: Math.round(analysis.bpm), request: req.text, seed, ours: sa, baseline: sb, warnings: a.warnings })
      seed++
    }
  }
  const real = pairs.flatMap((p, i) => (String(p.song).startsWith('demo-') && !p.error ? [i] : []))
  const pick = (xs: BlueprintScore[]) => pairs.filter((p) => !p.error).map((p, i) => (String(p.song).startsWith('demo-') ? xs[i] : null)).filter((x): x is BlueprintScore => x !== null)
  const summary = {
    ours: summarise(ours),
    baseline: summarise(base),
    realSongs: { pairs: real.length, ours: summarise(pick(ours)), baseline: summarise(pick(base)) },
  }
  const fourMinutes = generateAnalysis(randomSongSpec(4242, { minBpm: 128, maxBpm: 128, minutes: 4 }))
  const fastFour = generateAnalysis(randomSongSpec(4343, { minBpm: 158, maxBpm: 158, minutes: 4 }))
  const lat = { song128: latency(fourMinutes, library, 40), song158: latency(fastFour, library, 20) }
  const result = {
    name: 'choreo',
    node: process.version,
    cpus: os.cpus().length,
    library: { name: 'demoCatalog', moves: library.length },
    songs: songs.map((s) => ({ name: s.name, bpm: Math.round(s.analysis.bpm), seconds: Math.round(s.analysis.durationSeconds) })),
    pairCount: ours.length,
    failedPairs: pairs.length - ours.length,
    summary,
    latency: lat,
    target: { buildP95Ms: 200 },
    pairs,
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/choreo.json', JSON.stringify(result, null, 2))

  console.log(`choreography engine vs baseline — ${ours.length} (song, request) pairs (${pairs.length - ours.length} failed), ${library.length}-move demo library`)
  console.log(`songs: ${songs.map((s) => s.name).join(', ')}\n`)
  const w = Math.max(...FIGURES.map(([l]) => l.length))
  const r = summary.realSongs
  console.log(`${'figure (mean over pairs)'.padEnd(w)} | ${'ours'.padStart(8)} | ${'baseline'.padStart(8)} | ${'ours*'.padStart(8)} | ${'base*'.padStart(8)}`)
  console.log(`${'-'.repeat(w)}-|-${'-'.repeat(8)}-|-${'-'.repeat(8)}-|-${'-'.repeat(8)}-|-${'-'.repeat(8)}`)
  const fmt = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : String(x)).padStart(8)
  for (const [label] of FIGURES) {
    console.log(`${label.padEnd(w)} | ${fmt(summary.ours[label])} | ${fmt(summary.baseline[label])} | ${fmt(r.ours[label])} | ${fmt(r.baseline[label])}`)
  }
  console.log(`* = only the ${r.pairs} pairs on lib/engines/audio's real analyses of its demo songs`)
  for (const [k, l] of Object.entries(lat)) {
    console.log(`\nbuild latency, ${l.songSeconds} s song at ${l.bpm} BPM (${l.eightCounts} 8-counts, ${l.moves} moves), ${l.runs} runs: ` +
      `p50 ${l.buildMs.p50} ms, p95 ${l.buildMs.p95} ms (target ≤ 200) · regenerate p50 ${l.regenerateMs.p50} ms, p95 ${l.regenerateMs.p95} ms [${k}]`)
  }
  console.log('\nwrote bench/results/choreo.json')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
