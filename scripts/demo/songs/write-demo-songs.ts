import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { encodeWav } from '@/lib/engines/audio/encode-wav'
import { DEMO_SONG_SPECS, type DemoSongSpec } from './demo-song-spec'
import { DEMO_SONG_GENERATOR_VERSION, generateDemoSong, type DemoSongTruth } from './generate-demo-song'

/**
 * Renders the demo songs to disk (WAV, optionally MP3) with their ground truth, cached by a
 * hash of the spec and the generator version: a second run with nothing changed writes
 * nothing. Files: <name>.wav, <name>.mp3, <name>.truth.json ({ key, truth }).
 */
export const DEFAULT_DEMO_SONG_DIR = '.data/demo-songs'

export interface WrittenDemoSong {
  name: string
  wav: string
  mp3?: string
  truth: DemoSongTruth
  /** False when the cache already had it. */
  generated: boolean
}

export interface WriteDemoSongsOptions {
  outDir?: string
  specs?: readonly DemoSongSpec[]
  mp3?: boolean
}

export function demoSongKey(spec: DemoSongSpec): string {
  return createHash('sha256').update(JSON.stringify({ spec, v: DEMO_SONG_GENERATOR_VERSION })).digest('hex').slice(0, 16)
}

export async function writeDemoSongs(opts: WriteDemoSongsOptions = {}): Promise<WrittenDemoSong[]> {
  const outDir = opts.outDir ?? DEFAULT_DEMO_SONG_DIR
  mkdirSync(outDir, { recursive: true })
  const out: WrittenDemoSong[] = []
  for (const spec of opts.specs ?? DEMO_SONG_SPECS) {
    const key = demoSongKey(spec)
    const base = path.join(outDir, spec.name)
    const files = { wav: `${base}.wav`, mp3: `${base}.mp3`, truth: `${base}.truth.json` }
    const cached = readCachedTruth(files.truth, key)
    let generated = false
    let truth = cached
    if (!truth || !existsSync(files.wav)) {
      const song = generateDemoSong(spec)
      writeAtomic(files.wav, encodeWav(song.pcm, song.sampleRate))
      writeAtomic(files.truth, Buffer.from(JSON.stringify({ key, truth: song.truth })))
      truth = song.truth
      generated = true
    }
    if (opts.mp3 && (generated || !existsSync(files.mp3))) {
      const tmp = `${files.mp3}.tmp.mp3`
      await runFfmpeg(['-y', '-i', files.wav, '-c:a', 'libmp3lame', '-b:a', '128k', tmp], { timeout: 60_000 })
      renameSync(tmp, files.mp3)
    }
    out.push({ name: spec.name, wav: files.wav, mp3: opts.mp3 ? files.mp3 : undefined, truth, generated })
  }
  return out
}

function readCachedTruth(file: string, key: string): DemoSongTruth | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; truth?: DemoSongTruth }
    return parsed.key === key && parsed.truth ? parsed.truth : null
  } catch {
    return null
  }
}

/** Write then rename, so a parallel reader never sees half a file. */
function writeAtomic(file: string, data: Buffer) {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, data)
  renameSync(tmp, file)
}
