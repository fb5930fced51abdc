/**
 * npm run bench:choreo — the choreography engine against two baselines, by the independent
 * judge (lib/engines/judge), over the judge set (tests/fixtures/choreography/judge-set.ts:
 * the 8 demo songs' real analyses + 4 generated ones × 10 requests):
 *   engine        lib/engines/choreography's buildBlueprint, with the move search's scores for
 *                 the request (as the service runs it: retrieval in the loop)
 *   engine, no retrieval  the same without those scores (the request-fit term off)
 *   (a) original  the original product: round-robin over the moves matching the request,
 *                 clips at native length, no grid (tests/fixtures/baselines)
 *   (b) walk      a random legal walk on the grid: moves on count ones, legal transitions,
 *                 chosen at random (tests/fixtures/baselines)
 *   (b') walk+req the same walk kept to the request's exclusions and level (for reference)
 * and the blueprint time for a 3-minute song (the real analysis of the 3-minute demo song;
 * target ≤ 300 ms). Writes bench/results/choreo.json and prints the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import { regenerateMove } from '@/lib/engines/choreography/regenerate-move'
import type { Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import { judgeBlueprint, QUALITY_WEIGHTS, type Judgement } from '@/lib/engines/judge'
import { mean, percentile } from '@/lib/shared/numbers'
import { THREE_MINUTE_SONG_SPEC } from '@/scripts/demo/songs/demo-song-spec'
import { generateDemoSong } from '@/scripts/demo/songs/generate-demo-song'
import { buildRoundRobinBlueprint } from '@/tests/fixtures/baselines/build-round-robin-blueprint'
import { buildRandomWalkBlueprint } from '@/tests/fixtures/baselines/build-random-walk-blueprint'
import type { BaselineInput } from '@/tests/fixtures/baselines/baseline-blueprint'
import type { LibraryMove } from '@/lib/engines/choreography/library-move'
import { demoLibrary } from '@/tests/fixtures/choreography/demo-library'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'
import { ensureWordVectors } from '@/scripts/lib/compact-word-vectors'
import { MoveIndex } from '@/lib/engines/search/move-index'
import { embedMoves } from '@/lib/engines/search/move-vector'
import { retrieveForRequest } from '@/lib/engines/search/retrieve-for-request'
import { WordVectorEmbedder } from '@/lib/engines/search/word-vector-embedder'
import type { RetrievalInput } from '@/lib/engines/choreography'
import { JUDGE_REQUESTS, judgeSongs } from '@/tests/fixtures/choreography/judge-set'

type Input = BaselineInput & { library: LibraryMove[]; retrieval: RetrievalInput | null }

const BUILDERS: Record<string, (i: Input) => Blueprint> = {
  engine: (i) => buildBlueprint(i),
  'engine, no retrieval': (i) => buildBlueprint({ ...i, retrieval: null }),
  '(a) original': (i) => buildRoundRobinBlueprint(i),
  '(b) walk': (i) => buildRandomWalkBlueprint(i),
  "(b') walk+req": (i) => buildRandomWalkBlueprint({ ...i, honourRequest: true }),
}

/** The rows of the table: label, how to read it off a judgement (null = does not apply). */
const FIGURES: [string, (j: Judgement) => number | null][] = [
  ['overall (danceable × quality)', (j) => j.overall],
  ['danceable share (no fault)', (j) => j.danceable],
  ['quality', (j) => j.qualityScore],
  ['  moves on count one (≤ 1 frame)', (j) => j.timing.onCountOne],
  ['  whole 8-counts', (j) => j.timing.wholeEightCounts],
  ['  clips in sync with the song', (j) => j.tempo.inSync],
  ['  legal transitions', (j) => j.transitions.share],
  ['  moves allowed (excludes, level)', (j) => j.allowed],
  ['  start error, mean ms', (j) => j.timing.meanStartErrorMs],
  ['q tempo: clips within ±12 %', (j) => j.quality.tempo],
  ['q request fit', (j) => j.quality.request],
  ['    asked-for families/moves present', (j) => j.request.includes],
  ['    style share', (j) => j.request.style],
  ['    length fit', (j) => j.request.duration],
  ['q difficulty fit', (j) => j.quality.difficulty],
  ['q energy fit to sections', (j) => j.quality.energy],
  ['    energy correlation', (j) => j.energy.correlation],
  ['q structure (sections, breaks, ending)', (j) => j.quality.structure],
  ['q no immediate repeats', (j) => j.quality.repeats],
  ['    immediate repeats (count)', (j) => j.variety.immediateRepeats],
  ['q variety (unique share / 0.6)', (j) => j.quality.variety],
]

const r3 = (x: number) => Math.round(x * 1000) / 1000
function summarise(js: Judgement[]) {
  return Object.fromEntries(FIGURES.map(([label, get]) => {
    const xs = js.map(get).filter((x): x is number => x !== null && Number.isFinite(x))
    return [label.trim(), xs.length ? r3(mean(xs)) : null]
  }))
}

function threeMinuteAnalysis(): SongAnalysis {
  const song = generateDemoSong(THREE_MINUTE_SONG_SPEC)
  return analyzePcm(song.pcm, song.sampleRate)
}

function latency(analysis: SongAnalysis, library: ReturnType<typeof demoLibrary>, runs: number) {
  const song = { id: 'bench', storageKey: 'songs/bench.mp3' }
  for (let i = 0; i < 5; i++) buildBlueprint({ analysis, params: {}, library, seed: i, song })
  const build: number[] = []
  const regen: number[] = []
  let moves = 0
  for (let i = 0; i < runs; i++) {
    const params = { ...JUDGE_REQUESTS[i % JUDGE_REQUESTS.length].params, durationSeconds: null }
    const t0 = performance.now()
    const bp = buildBlueprint({ analysis, params, library, seed: 100 + i, song })
    build.push(performance.now() - t0)
    moves = bp.moves.length
    const t1 = performance.now()
    try { regenerateMove(bp, i % bp.moves.length, { analysis, library, seed: i }) } catch { /* a hold or a slot with no alternative is a 422, not a latency */ }
    regen.push(performance.now() - t1)
  }
  const r1 = (x: number) => Math.round(x * 10) / 10
  return {
    song: THREE_MINUTE_SONG_SPEC.name, songSeconds: r1(analysis.durationSeconds), bpm: r1(analysis.bpm), eightCounts: analysis.countOne.length, moves, runs,
    buildMs: { p50: r1(percentile(build, 50)), p99: r1(percentile(build, 99)), max: r1(Math.max(...build)) },
    regenerateMs: { p50: r1(percentile(regen, 50)), p99: r1(percentile(regen, 99)) },
  }
}

/** The demo catalog's search index, as the service builds it (offline word vectors). */
async function searchIndex() {
  const embedder = await WordVectorEmbedder.load(await ensureWordVectors())
  const moves = demoCatalog()
  const vectors = await embedMoves(moves, embedder)
  const index = new MoveIndex({ embedderId: embedder.id, dims: vectors[0].dims })
  moves.forEach((m, i) => index.upsert(m, vectors[i]))
  return { index, embedder }
}

async function main() {
  const library = demoLibrary()
  const songs = judgeSongs()
  const { index, embedder } = await searchIndex()
  const names = Object.keys(BUILDERS)
  const all: Record<string, Judgement[]> = Object.fromEntries(names.map((n) => [n, []]))
  const perSong: Record<string, Record<string, number[]>> = {}
  const pairs: Record<string, unknown>[] = []
  let seed = 1
  for (const { name, analysis } of songs) {
    for (const req of JUDGE_REQUESTS) {
      // The demo library is below the graph threshold: every allowed move is scored (exact).
      const found = await retrieveForRequest(index, embedder, req.params, { songBpm: analysis.bpm })
      const retrieval = { query: found.query, scores: found.scores }
      const input: Input = { analysis, params: req.params, library, seed, retrieval, song: { id: name, storageKey: `songs/${name}.mp3` } }
      const row: Record<string, unknown> = { song: name, request: req.text, seed }
      for (const n of names) {
        try {
          const j = judgeBlueprint({ blueprint: BUILDERS[n](input), analysis, library, request: req.params })
          all[n].push(j)
          ;((perSong[name] ??= {})[n] ??= []).push(j.overall)
          row[n] = { overall: j.overall, danceable: r3(j.danceable), quality: j.qualityScore, parts: j.quality }
        } catch (e) {
          row[n] = { error: (e as Error).message }
        }
      }
      pairs.push(row)
      seed++
    }
  }
  const summary = Object.fromEntries(names.map((n) => [n, summarise(all[n])]))
  const songTable = Object.fromEntries(Object.entries(perSong).map(([s, by]) => [s, Object.fromEntries(names.map((n) => [n, by[n] ? r3(mean(by[n])) : null]))]))
  const lat = latency(threeMinuteAnalysis(), library, 100)
  const failed = Object.fromEntries(names.map((n) => [n, pairs.length - all[n].length]))
  const engine = summary.engine['overall (danceable × quality)']!
  const result = {
    name: 'choreo',
    node: process.version,
    cpus: os.cpus().length,
    library: { name: 'demoCatalog', moves: library.length },
    songs: songs.map((s) => ({ name: s.name, bpm: Math.round(s.analysis.bpm), seconds: Math.round(s.analysis.durationSeconds) })),
    requests: JUDGE_REQUESTS.map((r) => r.text),
    pairCount: pairs.length,
    failed,
    qualityWeights: QUALITY_WEIGHTS,
    summary,
    marginOverBaselines: {
      '(a) original': r3(engine - summary['(a) original']['overall (danceable × quality)']!),
      '(b) walk': r3(engine - summary['(b) walk']['overall (danceable × quality)']!),
      target: 0.2,
    },
    perSongOverall: songTable,
    latency: lat,
    target: { buildP99Ms: 300 },
    pairs,
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/choreo.json', JSON.stringify(result, null, 2))

  console.log(`engine vs baselines by the independent judge — ${songs.length} songs × ${JUDGE_REQUESTS.length} requests = ${pairs.length} pairs, ${library.length}-move demo library`)
  console.log(`failed builds: ${names.map((n) => `${n} ${failed[n]}`).join(', ')}\n`)
  const w = Math.max(...FIGURES.map(([l]) => l.length))
  const col = 14
  const fmt = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : String(x)).padStart(col)
  console.log(`${'mean over pairs'.padEnd(w)} |${names.map((n) => n.padStart(col)).join(' |')}`)
  console.log(`${'-'.repeat(w)}-|${names.map(() => '-'.repeat(col)).join('-|')}`)
  for (const [label] of FIGURES) console.log(`${label.padEnd(w)} |${names.map((n) => fmt(summary[n][label.trim()])).join(' |')}`)
  console.log(`\nengine − (a): ${result.marginOverBaselines['(a) original']}, engine − (b): ${result.marginOverBaselines['(b) walk']} (target ≥ 0.2 each)`)
  console.log(`\noverall per song (mean over the ${JUDGE_REQUESTS.length} requests)`)
  const sw = Math.max(...Object.keys(songTable).map((s) => s.length))
  for (const [s, by] of Object.entries(songTable)) console.log(`${s.padEnd(sw)} |${names.map((n) => fmt(by[n])).join(' |')}`)
  console.log(`\nblueprint time, ${lat.song} (${lat.songSeconds} s at ${lat.bpm} BPM, ${lat.eightCounts} 8-counts, ${lat.moves} entries), ${lat.runs} runs over the 10 requests (whole song): ` +
    `p50 ${lat.buildMs.p50} ms, p99 ${lat.buildMs.p99} ms, max ${lat.buildMs.max} ms (target ≤ 300) · regenerate one move p50 ${lat.regenerateMs.p50} ms, p99 ${lat.regenerateMs.p99} ms`)
  console.log('\nwrote bench/results/choreo.json')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
