/**
 * npm run bench:render — the renders a worker really does, on a 3-minute 1280×720 30 fps
 * choreography, side by side in one run:
 *   cold                   the blueprint with every cache empty;
 *   warm                   the same blueprint again with the caches the cold render filled
 *                          (every segment reused; tests/unit/media/render-blueprint.test.ts
 *                          checks that it encodes nothing, this measures how much faster it is);
 *   regenerate             one move replaced by regenerateMove (what POST …/moves/:i/regenerate
 *                          queues), rendered with the caches the cold render filled;
 *   regenerate, no cache   the same blueprint with empty caches (the baseline: no reuse at all);
 *   regenerate, no sources the same with the segment cache warm but the source (clip) cache
 *                          empty: what the source cache adds (little on local storage, where a
 *                          "download" is a file copy; S3 is slower).
 * Each render runs in a child process (this file with --child) so its memory is measured alone:
 * peak RSS of the process tree (node + ffmpeg children, summed, sampled from /proc every 50 ms).
 * Writes bench/results/render.json. Targets: cold ≤ 25 s, regenerate ≤ 3 s, RSS ≤ 400 MB.
 *
 * The song is lib/engines/audio's clasica-128 with a longer form (~3.3 min), analysed for real; the
 * blueprint comes from buildBlueprint with the full demo library, installed into a
 * LocalStorage under .data/render-bench/.
 */
import { execa } from 'execa'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { SOURCE_DIR, SOURCE_INDEX_DIR } from '@/lib/engines/media/source-cache'

const BENCH_DIR = resolve('.data/render-bench')
const TARGETS = { coldSeconds: 25, regenerateSeconds: 3, peakRssMb: 400 }

const { values } = parseArgs({ options: { child: { type: 'string' } } })
if (values.child) await child(values.child)
else await main()

/** Child mode: render one blueprint, print the result as JSON on the last line. */
async function child(argsJson: string) {
  const args = JSON.parse(argsJson) as { blueprint: string; storage: string; workDir: string; cacheDir: string }
  const { renderBlueprint } = await import('@/lib/engines/media/render-blueprint')
  const { LocalStorage } = await import('@/lib/shared/storage/local-storage')
  const started = performance.now()
  // Seconds from the start to the first report of each stage: where a render's time goes.
  const stageStarts: Record<string, number> = {}
  const result = await renderBlueprint({
    blueprint: JSON.parse(readFileSync(args.blueprint, 'utf8')),
    storage: new LocalStorage(args.storage),
    workDir: args.workDir,
    cacheDir: args.cacheDir,
    onProgress: (p) => { stageStarts[p.stage] ??= (performance.now() - started) / 1000 },
  })
  const seconds = (performance.now() - started) / 1000
  const order = Object.entries(stageStarts)
  const stages = Object.fromEntries(order.map(([stage, at], i) => [stage, +((order[i + 1]?.[1] ?? seconds) - at).toFixed(2)]))
  console.log(JSON.stringify({ ...result, seconds, stages, cpuSeconds: treeCpuSeconds() }))
}

/** CPU time of this process plus its reaped children (every ffmpeg), from /proc (USER_HZ = 100). */
function treeCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 14–17 of stat (utime stime cutime cstime) are 11–14 after the command name.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i]), 0) / 100
}

async function prepare() {
  const { analyzeSongFile } = await import('@/lib/engines/audio')
  const { DEMO_SONG_SPECS, writeDemoSongs } = await import('@/scripts/demo/songs')
  const { buildBlueprint } = await import('@/lib/engines/choreography/build-blueprint')
  const { regenerateMove } = await import('@/lib/engines/choreography/regenerate-move')
  const { demoLibrary } = await import('@/tests/fixtures/choreography/demo-library')
  const { ChoreographyParamsSchema } = await import('@/lib/engines/dance/choreography-params')
  const { installDemoLibrary } = await import('@/scripts/demo/library/install-demo-library')
  const { LocalStorage } = await import('@/lib/shared/storage/local-storage')

  const base = DEMO_SONG_SPECS.find((s) => s.name === 'clasica-128')!
  const phrase = (label: 'verse' | 'chorus' | 'mambo', phrases: number, breakBars: 0 | 1 = 0) => ({ label, phrases, breakBars })
  const spec = {
    ...base,
    name: 'clasica-128-long',
    form: [
      ...base.form.slice(0, -1),
      phrase('verse', 4), phrase('chorus', 4, 1), phrase('mambo', 4), phrase('chorus', 4),
      phrase('verse', 4), phrase('chorus', 4),
      base.form[base.form.length - 1],
    ],
  }
  const [song] = await writeDemoSongs({ outDir: join(BENCH_DIR, 'songs'), specs: [spec] })
  const storageDir = join(BENCH_DIR, 'storage')
  const storage = new LocalStorage(storageDir)
  const songKey = `songs/${song.name}.wav`
  await storage.putFile(songKey, song.wav)
  const installed = await installDemoLibrary({ storage, posters: false })
  console.log(`demo library: ${installed.uploaded} uploaded, ${installed.skipped} already installed`)

  const wavHash = createHash('sha256').update(readFileSync(song.wav)).digest('hex').slice(0, 16)
  const analysisFile = join(BENCH_DIR, `analysis-${wavHash}.json`)
  if (!existsSync(analysisFile)) writeFileSync(analysisFile, JSON.stringify(await analyzeSongFile(song.wav)))
  const analysis = JSON.parse(readFileSync(analysisFile, 'utf8'))
  const blueprint = buildBlueprint({
    analysis,
    params: ChoreographyParamsSchema.parse({ difficulty: 'intermediate', durationSeconds: 180 }),
    library: demoLibrary(),
    seed: 7,
    song: { id: song.name, storageKey: songKey },
  })
  const blueprintFile = join(BENCH_DIR, 'blueprint.json')
  writeFileSync(blueprintFile, JSON.stringify(blueprint))
  const { next, index } = replaceMiddleMove(blueprint, (bp, i, seed) => regenerateMove(bp, i, { analysis, library: demoLibrary(), seed }))
  const regeneratedFile = join(BENCH_DIR, 'blueprint-regenerated.json')
  writeFileSync(regeneratedFile, JSON.stringify(next))
  return { blueprintFile, regeneratedFile, replaced: index, storageDir, videoSeconds: blueprint.end - (blueprint.countIn?.beatTimes[0] ?? blueprint.start), moves: blueprint.moves.length }
}

/** The first move from the middle on that has an alternative, as a dancer would pick one. */
function replaceMiddleMove<B extends { moves: { kind: string }[] }>(bp: B, regenerate: (bp: B, index: number, seed: number) => B): { next: B; index: number } {
  for (let index = Math.floor(bp.moves.length / 2); index < bp.moves.length; index++) {
    if (bp.moves[index].kind !== 'move') continue
    try {
      return { next: regenerate(bp, index, 11), index }
    } catch {
      // no other move fits this slot: try the next one
    }
  }
  throw new Error('no move of the blueprint can be replaced')
}

/** RSS (KiB) of a process and all its descendants, from /proc. */
function treeRssKb(root: number): number {
  const parent = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // exited while we looked
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, depth = 0; p && depth < 20; p = parent.get(p), depth++) if (p === root) return true
    return false
  }
  let total = 0
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (m) total += Number(m[1])
    } catch {
      // exited
    }
  }
  return total
}

async function measuredRender(label: string, args: object): Promise<RunResult> {
  const started = performance.now()
  // node + the tsx loader directly (no npx/tsx wrapper processes inflating the measured tree).
  const proc = execa(process.execPath, ['--import', 'tsx', 'bench/render.bench.ts', '--child', JSON.stringify(args)], { reject: false, timeout: 600_000 })
  let peakKb = 0
  const timer = setInterval(() => {
    if (proc.pid) peakKb = Math.max(peakKb, treeRssKb(proc.pid))
  }, 50)
  const r = await proc
  clearInterval(timer)
  if (r.exitCode !== 0) throw new Error(`${label} render failed: ${r.stderr || r.stdout}`)
  const result = JSON.parse(String(r.stdout).trim().split('\n').pop()!)
  return { ...result, processSeconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peakKb / 1024) }
}

interface RunResult {
  seconds: number
  processSeconds: number
  cpuSeconds: number
  peakRssMb: number
  segments: number
  cache: { segmentHits: number; segmentMisses: number; audioHit: boolean; sourceHits: number; sourceMisses: number }
  /** Seconds spent in each stage (preparing = sources, probes; then segments, joining, muxing, poster). */
  stages: Record<string, number>
}

async function main() {
  const loadBefore = os.loadavg()
  const prep = await prepare()
  const cache = (name: string) => join(BENCH_DIR, `cache-${name}`)
  for (const name of ['shared', 'empty', 'no-sources']) rmSync(cache(name), { recursive: true, force: true })
  const run = async (label: string, blueprint: string, cacheDir: string): Promise<RunResult> => {
    const workDir = join(BENCH_DIR, `work-${label.replace(/\W+/g, '-')}`)
    rmSync(workDir, { recursive: true, force: true })
    try {
      return await measuredRender(label, { blueprint, storage: prep.storageDir, workDir, cacheDir })
    } finally {
      rmSync(workDir, { recursive: true, force: true })
    }
  }
  const cold = await run('cold', prep.blueprintFile, cache('shared'))
  // The segment cache as the cold render left it, without the sources it downloaded.
  cpSync(cache('shared'), cache('no-sources'), { recursive: true })
  for (const dir of [SOURCE_DIR, SOURCE_INDEX_DIR]) rmSync(join(cache('no-sources'), dir), { recursive: true, force: true })
  const warm = await run('warm', prep.blueprintFile, cache('shared'))
  const regenerate = await run('regenerate', prep.regeneratedFile, cache('shared'))
  const noCache = await run('regenerate, no cache', prep.regeneratedFile, cache('empty'))
  const noSources = await run('regenerate, no sources', prep.regeneratedFile, cache('no-sources'))
  const runs = { cold, warm, regenerate, regenerateNoCache: noCache, regenerateNoSourceCache: noSources }
  const peakRssMb = Math.max(...Object.values(runs).map((r) => r.peakRssMb))
  const loadAfter = os.loadavg()

  const result = {
    bench: 'render',
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length, model: os.cpus()[0]?.model,
      loadAvgBefore: loadBefore.map((x) => +x.toFixed(2)), loadAvgAfter: loadAfter.map((x) => +x.toFixed(2)),
    },
    note: loadBefore[0] > os.cpus().length * 0.5 ? 'taken on a shared machine under load (see loadAvg): times are upper bounds' : undefined,
    video: { seconds: +prep.videoSeconds.toFixed(2), width: 1280, height: 720, fps: 30, moves: prep.moves, segments: cold.segments, replacedMove: prep.replaced },
    runs: Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, {
      seconds: +r.seconds.toFixed(2), processSeconds: +r.processSeconds.toFixed(2), cpuSeconds: r.cpuSeconds, peakRssMb: r.peakRssMb, ...r.cache,
      stages: r.stages,
    }])),
    peakRssMb,
    /** cold ÷ warm render seconds: what the segment cache saves on a render seen before. */
    warmSpeedup: +(cold.seconds / warm.seconds).toFixed(1),
    targets: TARGETS,
    met: {
      cold: cold.seconds <= TARGETS.coldSeconds,
      regenerate: regenerate.seconds <= TARGETS.regenerateSeconds,
      rss: peakRssMb <= TARGETS.peakRssMb,
    },
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/render.json', JSON.stringify(result, null, 2))
  console.log(`\n${prep.videoSeconds.toFixed(1)} s of 1280x720@30 video, ${prep.moves} moves, move ${prep.replaced} replaced; ` +
    `load avg before ${loadBefore.map((x) => x.toFixed(1)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`)
  const row = (r: RunResult) => ({
    'render s': +r.seconds.toFixed(2), 'process s': +r.processSeconds.toFixed(2), 'CPU s': r.cpuSeconds,
    'segment hits': `${r.cache.segmentHits}/${r.segments}`, 'audio hit': r.cache.audioHit, 'sources hit/fetched': `${r.cache.sourceHits}/${r.cache.sourceMisses}`,
    'peak RSS MB': r.peakRssMb,
  })
  console.table({
    cold: row(cold), warm: row(warm), regenerate: row(regenerate), 'regenerate, no cache': row(noCache), 'regenerate, no sources': row(noSources),
    target: { 'render s': `${TARGETS.coldSeconds} / ${TARGETS.regenerateSeconds}`, 'peak RSS MB': TARGETS.peakRssMb },
  })
  console.log('seconds per stage:')
  console.table(Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.stages])))
  console.log(`warm is ${result.warmSpeedup}x faster than cold; regenerate is ${(noCache.seconds / regenerate.seconds).toFixed(1)}x faster with the caches than without; wrote bench/results/render.json`)
}
