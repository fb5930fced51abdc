import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { demoClipFilter, demoClipTexts } from './demo-clip-filter'
import { LIBRARY_FORMAT } from '@/lib/engines/media/library-format'
import { clipDurationSeconds } from '@/scripts/demo/library/beat-marker'
import { renderDemoClip } from './render-demo-clip'

/** Bump when the look of demo clips changes, so every cached clip is re-rendered. */
export const DEMO_CLIP_VERSION = 3
/** Flat synthetic graphics compress fine at ultrafast, which halves library generation time. */
export const DEMO_CLIP_PRESET = 'ultrafast'

export interface DemoLibraryEntry {
  id: string
  /** File name inside the output directory. */
  file: string
  /** Hash of the annotation, the filter graph and the format: the cache key. */
  hash: string
  durationSeconds: number
}

export interface DemoLibraryManifest {
  version: number
  format: typeof LIBRARY_FORMAT
  clips: DemoLibraryEntry[]
}

export interface GenerateDemoLibraryOptions {
  moves: MoveAnnotation[]
  outDir: string
  /** Parallel encodes; defaults to the number of cores, at most 2. */
  concurrency?: number
  onProgress?: (done: number, total: number, entry: DemoLibraryEntry, cached: boolean) => void
}

export interface GenerateDemoLibraryResult {
  manifest: DemoLibraryManifest
  rendered: number
  cached: number
  seconds: number
}

export function demoClipHash(move: MoveAnnotation): string {
  const placeholder = { title: 'T', info: 'I', meta: 'M', count: 'C', head: 'H', body: 'B' }
  return createHash('sha256')
    .update(JSON.stringify({ v: DEMO_CLIP_VERSION, preset: DEMO_CLIP_PRESET, move, format: LIBRARY_FORMAT, texts: demoClipTexts(move) }))
    .update(demoClipFilter(move, placeholder))
    .digest('hex')
    .slice(0, 16)
}

/** Stale renders of the same move (older hashes) are deleted so the folder does not grow. */
async function pruneStale(outDir: string, entry: DemoLibraryEntry): Promise<void> {
  for (const name of await readdir(outDir)) {
    if (name !== entry.file && name.startsWith(`${entry.id}.`) && /^[a-z0-9-]+\.[0-9a-f]{16}\.mp4$/.test(name)) {
      await rm(join(outDir, name), { force: true })
    }
  }
}

/**
 * Renders every move to `<outDir>/<id>.<hash>.mp4`, skipping clips already rendered, with a
 * small worker pool (one single-threaded encode per core beats one multi-threaded encode at
 * a time for many short clips). Writes manifest.json last, atomically.
 */
export async function generateDemoLibrary(opts: GenerateDemoLibraryOptions): Promise<GenerateDemoLibraryResult> {
  const started = performance.now()
  await mkdir(opts.outDir, { recursive: true })
  const entries: DemoLibraryEntry[] = new Array(opts.moves.length)
  const concurrency = Math.max(1, opts.concurrency ?? Math.min(2, availableParallelism()))
  let next = 0, done = 0, rendered = 0, cached = 0

  async function worker() {
    while (next < opts.moves.length) {
      const i = next++
      const move = opts.moves[i]
      const entry: DemoLibraryEntry = {
        id: move.id,
        file: '',
        hash: demoClipHash(move),
        durationSeconds: Math.round(clipDurationSeconds(move) * 1000) / 1000,
      }
      entry.file = `${move.id}.${entry.hash}.mp4`
      const fresh = existsSync(join(opts.outDir, entry.file))
      if (!fresh) {
        await renderDemoClip(move, join(opts.outDir, entry.file), { threads: 1, preset: DEMO_CLIP_PRESET })
        await pruneStale(opts.outDir, entry)
      }
      if (fresh) cached++
      else rendered++
      entries[i] = entry
      opts.onProgress?.(++done, opts.moves.length, entry, fresh)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, opts.moves.length) }, worker))

  const manifest: DemoLibraryManifest = { version: DEMO_CLIP_VERSION, format: LIBRARY_FORMAT, clips: entries }
  const tmp = join(opts.outDir, 'manifest.json.partial')
  await writeFile(tmp, JSON.stringify(manifest, null, 2))
  await rename(tmp, join(opts.outDir, 'manifest.json'))
  return { manifest, rendered, cached, seconds: (performance.now() - started) / 1000 }
}
