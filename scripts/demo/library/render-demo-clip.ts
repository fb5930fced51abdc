import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { demoClipFilter, demoClipTexts, type DemoClipTextFiles } from './demo-clip-filter'
import { LIBRARY_FORMAT, libraryEncodeArgs } from '@/lib/engines/media/library-format'
import { clipDurationSeconds } from '@/scripts/demo/library/beat-marker'

export interface RenderDemoClipOptions {
  /** Threads per encode; the library generator runs one encode per core. */
  threads?: number
  preset?: string
  timeoutMs?: number
}

/**
 * Renders one annotated move as a demo clip in the library format. Writes to a temporary
 * name and renames, so an interrupted run never leaves a truncated clip that looks cached.
 */
export async function renderDemoClip(move: MoveAnnotation, output: string, opts: RenderDemoClipOptions = {}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'demo-clip-'))
  try {
    const texts = demoClipTexts(move)
    const files = {} as DemoClipTextFiles
    for (const [key, value] of Object.entries(texts) as [keyof DemoClipTextFiles, string][]) {
      files[key] = join(dir, `${key}.txt`)
      await writeFile(files[key], value)
    }
    const script = join(dir, 'filter.txt')
    await writeFile(script, demoClipFilter(move, files))
    const { width, height, fps } = LIBRARY_FORMAT
    const duration = clipDurationSeconds(move).toFixed(3)
    const partial = `${output}.partial`
    await runFfmpeg(
      [
        '-f', 'lavfi', '-i', `color=c=0x1c1f36:s=${width}x${height}:r=${fps}:d=${duration}`,
        '-filter_script:v', script,
        ...libraryEncodeArgs({ preset: opts.preset ?? 'veryfast', threads: opts.threads }),
        '-y', partial,
      ],
      { timeout: opts.timeoutMs ?? 120_000 },
    )
    await rename(partial, output)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
