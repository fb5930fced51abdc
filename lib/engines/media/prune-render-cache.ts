import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

export interface PruneRenderCacheOptions {
  /** The worker's cache dir: segments and audio (segment-cache.ts), sources and their index
   * (source-cache.ts), probe memos, each one directory level down. */
  cacheDir: string
  /** Budget for all of it together. */
  maxBytes: number
  /** Files not used for this long go, whatever the budget. */
  maxAgeMs: number
  /**
   * Files used this recently are never removed, even over budget: a running render may
   * still be about to read a segment or clip it looked up when it started (a lookup touches
   * the file). The worker passes its render timeout.
   */
  keepRecentMs: number
  now?: number
}

export interface PruneReport {
  removed: number
  removedBytes: number
  /** What the cache holds afterwards. */
  files: number
  bytes: number
}

/** A partial file this old belongs to no live render (a killed worker left it). */
const STALE_PARTIAL_MS = 3_600_000

/**
 * Keeps the render cache within its budget: drops partial files left by killed renders,
 * files unused for longer than maxAgeMs, then the least recently used files (mtime: every
 * cache hit touches its file) until the rest fits in maxBytes, sparing those used in the
 * last keepRecentMs. Files that vanish meanwhile (another worker pruning the same volume)
 * are skipped.
 */
export async function pruneRenderCache(o: PruneRenderCacheOptions): Promise<PruneReport> {
  const now = o.now ?? Date.now()
  const kept: { path: string; size: number; mtimeMs: number }[] = []
  let removed = 0
  let removedBytes = 0
  const drop = async (path: string, size: number) => {
    await rm(path, { force: true })
    removed++
    removedBytes += size
  }
  for (const sub of await readdir(o.cacheDir).catch(() => [] as string[])) {
    const dir = join(o.cacheDir, sub)
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, name)
      const s = await stat(path).catch(() => null)
      if (!s?.isFile()) continue
      const idle = now - s.mtimeMs
      if (name.endsWith('.partial')) {
        if (idle > STALE_PARTIAL_MS) await drop(path, s.size)
      } else if (idle > o.maxAgeMs) {
        await drop(path, s.size)
      } else {
        kept.push({ path, size: s.size, mtimeMs: s.mtimeMs })
      }
    }
  }
  let bytes = kept.reduce((sum, f) => sum + f.size, 0)
  let files = kept.length
  for (const f of kept.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    if (bytes <= o.maxBytes || now - f.mtimeMs < o.keepRecentMs) break
    await drop(f.path, f.size)
    bytes -= f.size
    files--
  }
  return { removed, removedBytes, files, bytes }
}
