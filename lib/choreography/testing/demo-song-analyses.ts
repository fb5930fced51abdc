import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SongAnalysisSchema, type SongAnalysis } from '@/lib/audio/analysis-schema'
import { analyzePcm } from '@/lib/audio/analyze-pcm'
import { DEMO_SONG_SPECS } from '@/lib/audio/demo/demo-song-spec'
import { generateDemoSong } from '@/lib/audio/demo/generate-demo-song'

/**
 * Real analyses (lib/audio's analyzePcm) of lib/audio's synthetic demo songs, for engine
 * tests and the benchmark. Synthesis + analysis take seconds per song, so results are
 * cached under .data/choreo-analyses/, keyed by the song spec and a hash of every lib/audio
 * source file: any change to the analyser or the synthesiser recomputes them.
 */
const CACHE_DIR = '.data/choreo-analyses'

function audioSourceHash(): string {
  const h = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, entry.name)
      if (entry.isDirectory()) walk(p)
      else if (entry.name.endsWith('.ts')) h.update(p).update(readFileSync(p))
    }
  }
  walk('lib/audio')
  return h.digest('hex')
}

export const DEMO_SONG_NAMES = DEMO_SONG_SPECS.map((s) => s.name)

export function demoSongAnalyses(names: readonly string[] = DEMO_SONG_NAMES): { name: string; analysis: SongAnalysis }[] {
  mkdirSync(CACHE_DIR, { recursive: true })
  const source = audioSourceHash()
  return DEMO_SONG_SPECS.filter((s) => names.includes(s.name)).map((spec) => {
    const key = createHash('sha256').update(JSON.stringify(spec)).update(source).digest('hex').slice(0, 16)
    const file = join(CACHE_DIR, `${spec.name}-${key}.json`)
    if (existsSync(file)) return { name: spec.name, analysis: SongAnalysisSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) }
    const song = generateDemoSong(spec)
    const analysis = analyzePcm(song.pcm, song.sampleRate)
    writeFileSync(file, JSON.stringify(analysis))
    return { name: spec.name, analysis }
  })
}
