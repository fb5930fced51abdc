/**
 * npm run gen:songs [-- --out dir] [--no-mp3]
 * Writes the synthetic demo songs (WAV + MP3 + ground truth JSON), cached: unchanged songs
 * are not re-rendered. Default directory: .data/demo-songs/.
 */
import { parseArgs } from 'node:util'
import { DEFAULT_DEMO_SONG_DIR, writeDemoSongs } from '@/scripts/demo/songs/write-demo-songs'

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-mp3': { type: 'boolean' } } })
  const outDir = values.out ?? DEFAULT_DEMO_SONG_DIR
  const started = Date.now()
  const songs = await writeDemoSongs({ outDir, mp3: !values['no-mp3'] })
  for (const s of songs) {
    const t = s.truth
    console.log(`${s.generated ? 'wrote ' : 'cached'} ${s.name.padEnd(22)} ${t.bpm.toFixed(1)} BPM  ${t.durationSeconds.toFixed(0)} s  ${t.key}  breaks ${t.breaks.length}  mambos ${t.mambos.length}`)
  }
  console.log(`${songs.length} songs in ${outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
