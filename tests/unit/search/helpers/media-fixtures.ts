import { existsSync } from 'node:fs'
import { mkdir, rename } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'

/** Generated media fixtures, cached under .data/ (git-ignored) by name + recipe version. */
export const FIXTURE_DIR = resolve('.data/test-cache/moves')
const VERSION = 1

async function cached(name: string, make: (out: string) => Promise<void>): Promise<string> {
  await mkdir(FIXTURE_DIR, { recursive: true })
  const file = join(FIXTURE_DIR, `v${VERSION}-${name}`)
  if (!existsSync(file)) {
    const partial = `${file}.partial`
    await make(partial)
    await rename(partial, file)
  }
  return file
}

const ff = async (args: string[]) => { await runFfmpeg([...args, '-y'], { timeout: 60_000 }) }

/** A real PNG image, stored with a .mp4 name. */
export const pngNamedMp4 = () =>
  cached('image.png.mp4', (out) => ff(['-f', 'lavfi', '-i', 'color=c=red:s=64x64', '-frames:v', '1', '-f', 'image2', '-c:v', 'png', out]))

/** A 10-minute video, tiny and at 1 fps so it costs almost nothing to make. */
export const tenMinuteClip = () =>
  cached('ten-minutes.mp4', (out) => ff(['-f', 'lavfi', '-i', 'color=c=blue:s=32x32:r=1:d=600', '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mp4', out]))

/** AAC audio only, stored with a .mp4 name. */
export const audioOnlyMp4 = () =>
  cached('audio-only.mp4', (out) => ff(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', '-f', 'mp4', out]))

/** A phone-like upload: 640x480, 25 fps, MPEG-4 Part 2 with audio — nothing like the library format. */
export const foreignClip = () =>
  cached('foreign.mp4', (out) => ff([
    '-f', 'lavfi', '-i', 'testsrc=s=640x480:r=25:d=2', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=2',
    '-c:v', 'mpeg4', '-c:a', 'aac', '-shortest', '-f', 'mp4', out,
  ]))
