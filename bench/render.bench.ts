/**
 * npm run bench:render — cold and warm (segment cache) render of a 3-minute 1280×720 30 fps
 * choreography, and the peak RSS of the render process tree (node + ffmpeg children, summed,
 * sampled from /proc every 50 ms). Writes bench/results/render.json.
 *
 * The song is lib/engines/audio's clasica-128 with a longer form (~3.3 min), analysed for real; the
 * blueprint comes from buildBlueprint with the full demo library, installed into a
 * LocalStorage under .data/render-bench/. Each render runs in a child process (this file with
 * --child) so its memory is measured alone. Targets: cold ≤ 25 s, warm ≤ 4 s, RSS ≤ 400 MB.
 */
import { execa } from 'execa'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const BENCH_DIR = resolve('.data/render-bench')
const TARGETS = { coldSeconds: 25, warmSeconds: 4, peakRssMb: 400 }

const { values } = parseArgs({ options: { child: { type: 'string' } } })
if (values.child) await child(values.child)
else await main()

/** Child mode: render one blueprint, print the result as JSON on the last line. */
async function child(argsJson: string) {
  const args = JSON.parse(argsJson) as { blueprint: string; storage: string; workDir: string; cacheDir: string }
  const { renderBlueprint } = await import('@/lib/engines/media/render-blueprint')
  const { LocalStorage } = await import('@/lib/shared/storage/local-storage')
  const started = performance.now()
  const result = await renderBlueprint({
    blueprint: JSON.parse(readFileSync(args.blueprint, 'utf8')),
    storage: new LocalStorage(args.storage),
    workDir: args.workDir,
    cacheDir: args.cacheDir,
  })
  console.log(JSON.stringify({ ...result, seconds: (performance.now() - started) / 1000, cpuSeconds: treeCpuSeconds() }))
}

/** CPU time of this process plus its reaped children (every ffmpeg), from /proc (USER_HZ = 100). */
function treeCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 14–17 of stat (utime stime cutime cstime) are 11–14 after the command name.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i]), 0) / 100
}

async function prepare(): Promise<{ blueprintFile: string; storageDir: string; videoSeconds: number; moves: number }> {
  const { analyzeSongFile } = await import('@/lib/engines/audio')
  const { DEMO_SONG_SPECS, writeDemoSongs } = await import('@/scripts/demo/songs')
  const { buildBlueprint } = await import('@/lib/engines/choreography/build-blueprint')
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
  return { blueprintFile, storageDir, videoSeconds: blueprint.end - (blueprint.countIn?.beatTimes[0] ?? blueprint.start), moves: blueprint.moves.length }
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

async function measuredRender(label: string, args: object) {
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

async function main() {
  const loadBefore = os.loadavg()
  const prep = await prepare()
  const cacheDir = join(BENCH_DIR, 'segment-cache')
  rmSync(cacheDir, { recursive: true, force: true })
  const common = { blueprint: prep.blueprintFile, storage: prep.storageDir, cacheDir }
  const runs = []
  for (const [label, workDir] of [['cold', 'work-cold'], ['warm', 'work-warm']] as const) {
    rmSync(join(BENCH_DIR, workDir), { recursive: true, force: true })
    runs.push({ label, ...(await measuredRender(label, { ...common, workDir: join(BENCH_DIR, workDir) })) })
    rmSync(join(BENCH_DIR, workDir), { recursive: true, force: true })
  }
  const [cold, warm] = runs
  const result = {
    bench: 'render',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAvgBefore: loadBefore.map((x) => +x.toFixed(2)), loadAvgAfter: os.loadavg().map((x) => +x.toFixed(2)) },
    video: { seconds: +prep.videoSeconds.toFixed(2), width: 1280, height: 720, fps: 30, moves: prep.moves, segments: cold.segments },
    cold: { seconds: +cold.seconds.toFixed(2), processSeconds: +cold.processSeconds.toFixed(2), cpuSeconds: cold.cpuSeconds, cacheHits: cold.cacheHits, peakRssMb: cold.peakRssMb },
    warm: { seconds: +warm.seconds.toFixed(2), processSeconds: +warm.processSeconds.toFixed(2), cpuSeconds: warm.cpuSeconds, cacheHits: warm.cacheHits, peakRssMb: warm.peakRssMb },
    peakRssMb: Math.max(cold.peakRssMb, warm.peakRssMb),
    targets: TARGETS,
    met: {
      cold: cold.seconds <= TARGETS.coldSeconds,
      warm: warm.seconds <= TARGETS.warmSeconds,
      rss: Math.max(cold.peakRssMb, warm.peakRssMb) <= TARGETS.peakRssMb,
    },
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/render.json', JSON.stringify(result, null, 2))
  console.log(`\n${prep.videoSeconds.toFixed(1)} s of 1280x720@30 video, ${prep.moves} moves, load avg before ${loadBefore.map((x) => x.toFixed(1)).join(' ')}`)
  console.table({
    cold: { 'render s': result.cold.seconds, 'process s': result.cold.processSeconds, 'CPU s': cold.cpuSeconds, 'cache hits': `${cold.cacheHits}/${cold.segments}`, 'peak RSS MB': cold.peakRssMb },
    warm: { 'render s': result.warm.seconds, 'process s': result.warm.processSeconds, 'CPU s': warm.cpuSeconds, 'cache hits': `${warm.cacheHits}/${warm.segments}`, 'peak RSS MB': warm.peakRssMb },
    target: { 'render s': `${TARGETS.coldSeconds} / ${TARGETS.warmSeconds}`, 'process s': '', 'CPU s': '', 'cache hits': '', 'peak RSS MB': TARGETS.peakRssMb },
  })
  console.log('wrote bench/results/render.json')
}
