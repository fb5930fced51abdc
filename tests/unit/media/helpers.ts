import { execa } from 'execa'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { analyzeSongFile } from '@/lib/engines/audio'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { SongAnalysisSchema, type SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { buildBlueprint } from '@/lib/engines/choreography/build-blueprint'
import type { Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import { demoSubsetLibrary } from '@/tests/fixtures/choreography/demo-library'
import { ffmpegPath } from '@/lib/engines/media/ffmpeg'
import { installDemoLibrary } from '@/scripts/demo/library/install-demo-library'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import { ChoreographyParamsSchema } from '@/lib/engines/dance/choreography-params'

/** Analyses of the demo songs, cached by the WAV's content and every lib/engines/audio source file. */
const CACHE_DIR = resolve('.data/test-cache/render')

export const FIRST_SONG = DEMO_SONG_SPECS[0].name
export const DRIFT_SONG = 'sensual-drift-120'

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `${prefix}-`))
}

function audioSourceHash(): string {
  const h = createHash('sha256')
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.ts')) h.update(p).update(readFileSync(p))
    }
  }
  walk('lib/engines/audio')
  return h.digest('hex').slice(0, 16)
}

export interface SongFixture {
  name: string
  wav: string
  analysis: SongAnalysis
}

export async function demoSong(name: string): Promise<SongFixture> {
  const [song] = await writeDemoSongs({ specs: DEMO_SONG_SPECS.filter((s) => s.name === name) })
  const key = createHash('sha256').update(await readFile(song.wav)).update(audioSourceHash()).digest('hex').slice(0, 16)
  const file = join(CACHE_DIR, `analysis-${name}-${key}.json`)
  if (existsSync(file)) return { name, wav: song.wav, analysis: SongAnalysisSchema.parse(JSON.parse(await readFile(file, 'utf8'))) }
  const analysis = await analyzeSongFile(song.wav)
  await mkdir(CACHE_DIR, { recursive: true })
  await writeFile(`${file}.partial`, JSON.stringify(analysis))
  await rename(`${file}.partial`, file)
  return { name, wav: song.wav, analysis }
}

/** A LocalStorage in a temp dir holding the 12-clip demo subset and the given songs. */
export async function storageWithSubset(songs: SongFixture[]): Promise<{ storage: LocalStorage; root: string }> {
  const root = await tempDir('render-storage')
  const storage = new LocalStorage(root)
  await installDemoLibrary({ storage, subset: true, posters: false })
  for (const s of songs) await storage.putFile(songKey(s.name), s.wav)
  return { storage, root }
}

export const songKey = (name: string) => `songs/${name}.wav`

/** Without a count-in unless asked: these renders are about the moves (render-count-in.test.ts has its own). */
export function blueprintFor(song: SongFixture, opts: { durationSeconds?: number; overlays?: boolean; seed?: number; countIn?: boolean } = {}): Blueprint {
  const overlays = opts.overlays ?? true
  return buildBlueprint({
    analysis: song.analysis,
    params: ChoreographyParamsSchema.parse({ difficulty: 'beginner', durationSeconds: opts.durationSeconds ?? 40, countIn: opts.countIn ?? false }),
    library: demoSubsetLibrary(),
    seed: opts.seed ?? 1,
    song: { id: song.name, storageKey: songKey(song.name) },
    overlays: { counts: overlays, moveNames: overlays },
  })
}

/** Decodes an audio file (or a song) to mono float PCM at `rate`, no seeking. */
export async function decodeMono(file: string, rate: number): Promise<Float32Array> {
  const { stdout } = await execa(ffmpegPath(), ['-v', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', String(rate), '-f', 'f32le', 'pipe:1'], {
    encoding: 'buffer', timeout: 60_000, maxBuffer: 256 * 1024 * 1024,
  })
  const bytes = stdout as unknown as Uint8Array
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
}

/** Lag (samples) of `b` against `a` maximising their normalised correlation within ±maxLag. */
export function bestLag(a: Float32Array, b: Float32Array, maxLag: number, length: number): number {
  let best = 0, bestScore = -Infinity
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let dot = 0, na = 0, nb = 0
    for (let i = maxLag; i < length - maxLag; i++) {
      const x = a[i + lag], y = b[i]
      dot += x * y
      na += x * x
      nb += y * y
    }
    const score = dot / Math.sqrt(na * nb + 1e-12)
    if (score > bestScore) [best, bestScore] = [lag, score]
  }
  return best
}

/** ffmpeg processes whose command line mentions `needle` (pgrep -f), excluding pgrep itself. */
export async function ffmpegProcessesMentioning(needle: string): Promise<string[]> {
  const r = await execa('pgrep', ['-af', needle], { reject: false })
  return String(r.stdout).split('\n').filter((l) => l.includes('ffmpeg') && !l.includes('pgrep'))
}
