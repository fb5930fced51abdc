import { existsSync } from 'node:fs'
import { mkdir, rename, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { demoCatalog, demoSubset } from '@/scripts/demo/library/demo-catalog'
import { generateDemoLibrary } from '@/scripts/demo/library/generate-demo-library'
import type { Storage } from '@/lib/shared/storage/storage'
import { renderPoster } from '@/lib/engines/media/render-poster'

export const DEFAULT_DEMO_LIBRARY_DIR = '.data/demo-library'

export interface InstallDemoLibraryOptions {
  storage: Storage
  /** Only the 12-clip test subset. */
  subset?: boolean
  /** Where the generator renders (and caches) the clips before upload. */
  libraryDir?: string
  /** Also upload a JPEG poster per clip (cached beside the clips); default true. */
  posters?: boolean
  onProgress?: (done: number, total: number, id: string) => void
}

export interface InstallDemoLibraryResult {
  uploaded: number
  skipped: number
  posters: number
}

/** Storage keys of a demo move, as the DB seed writes them. */
export const demoClipKey = (id: string) => `clips/demo/${id}.mp4`
export const demoPosterKey = (id: string) => `posters/demo/${id}.jpg`

/**
 * Puts the demo move library where the render worker reads it: generates the clips (cached
 * by annotation hash, see generateDemoLibrary) and uploads each to clips/demo/<id>.mp4 unless
 * an object of the same size is already there, so a re-run uploads nothing.
 */
export async function installDemoLibrary(o: InstallDemoLibraryOptions): Promise<InstallDemoLibraryResult> {
  const dir = resolve(o.libraryDir ?? DEFAULT_DEMO_LIBRARY_DIR)
  const moves = o.subset ? demoSubset() : demoCatalog()
  const { manifest } = await generateDemoLibrary({ moves, outDir: dir })
  const posterDir = join(dir, 'posters')
  await mkdir(posterDir, { recursive: true })
  const result: InstallDemoLibraryResult = { uploaded: 0, skipped: 0, posters: 0 }
  for (const [i, entry] of manifest.clips.entries()) {
    const file = join(dir, entry.file)
    const key = demoClipKey(entry.id)
    const { size } = await stat(file)
    if ((await o.storage.head(key))?.size === size) result.skipped++
    else {
      await o.storage.putFile(key, file, { contentType: 'video/mp4' })
      result.uploaded++
    }
    if (o.posters ?? true) {
      const poster = join(posterDir, `${entry.id}.${entry.hash}.jpg`)
      if (!existsSync(poster)) {
        const partial = `${poster}.partial.jpg`
        await renderPoster({ videoFile: file, atSeconds: entry.durationSeconds / 2, outFile: partial, timeoutMs: 30_000 })
        await rename(partial, poster)
      }
      if (!(await o.storage.head(demoPosterKey(entry.id)))) {
        await o.storage.putFile(demoPosterKey(entry.id), poster, { contentType: 'image/jpeg' })
        result.posters++
      }
    }
    o.onProgress?.(i + 1, manifest.clips.length, entry.id)
  }
  return result
}
