import { existsSync, mkdirSync, renameSync } from 'node:fs'
import path from 'node:path'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { writeDemoSongs, type WrittenDemoSong } from '@/scripts/demo/songs/write-demo-songs'

/**
 * Test fixtures, generated on first use and cached under .data/ (git-ignored), so the
 * suite pays for synthesis and FFmpeg once per machine, not once per run.
 */
export const DEMO_DIR = path.resolve('.data/demo-songs')
export const FIXTURE_DIR = path.resolve('.data/audio-fixtures/v1')

export function demoSongs(): Promise<WrittenDemoSong[]> {
  return writeDemoSongs({ outDir: DEMO_DIR, mp3: false })
}

/** A file made by FFmpeg from `args` (inputs and options, without the output), cached by name. */
export async function ffmpegFixture(name: string, args: string[]): Promise<string> {
  mkdirSync(FIXTURE_DIR, { recursive: true })
  const file = path.join(FIXTURE_DIR, name)
  if (existsSync(file)) return file
  const tmp = `${file}.${process.pid}.tmp${path.extname(name)}`
  await runFfmpeg(['-y', ...args, tmp], { timeout: 60_000 })
  renameSync(tmp, file)
  return file
}
