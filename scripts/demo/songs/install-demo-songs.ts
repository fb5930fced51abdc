import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { ANALYSIS_VERSION, analyzeSongFile } from '@/lib/engines/audio'
import { getDb } from '@/lib/shared/db'
import type { Storage } from '@/lib/shared/storage/storage'
import { analyzeContent } from '@/lib/services/songs/analyze-content'
import { DEMO_SONG_SPECS, type DemoSongSpec } from './demo-song-spec'
import { writeDemoSongs } from './write-demo-songs'

/** How the library shows each demo song: a title a dancer can pick by, and who "plays" it. */
const TITLES: Record<string, string> = {
  'clasica-128': 'Clásica', 'romantica-rubato-112': 'Romántica (rubato intro)', 'dominicana-148': 'Dominicana',
  'sensual-drift-120': 'Sensual', 'moderna-132': 'Moderna', 'en-vivo-140': 'En vivo',
  'lenta-105': 'Lenta', 'bachatazo-150': 'Bachatazo',
}
export const DEMO_SONG_ARTIST = 'Bachata Buddy demo band'

export interface InstallDemoSongsOptions {
  storage: Storage
  /** The account the songs are credited to (an instructor: public songs are curated). */
  ownerId: string
  specs?: readonly DemoSongSpec[]
  onProgress?: (done: number, total: number, title: string) => void
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Puts the demo songs in the library as PUBLIC songs with their analysis, so a new account
 * can generate at once. Idempotent: a song already there with a current analysis is left
 * alone; a stale one is re-analysed in place (its id, and the choreographies on it, stay).
 */
export async function installDemoSongs(o: InstallDemoSongsOptions): Promise<{ created: number; updated: number; kept: number }> {
  const db = getDb()
  const written = await writeDemoSongs({ specs: o.specs ?? DEMO_SONG_SPECS, mp3: true })
  const result = { created: 0, updated: 0, kept: 0 }
  for (const [i, song] of written.entries()) {
    const file = song.mp3!
    const contentHash = await sha256(file)
    const title = TITLES[song.name] ?? song.name
    const existing = await db.song.findFirst({ where: { contentHash, visibility: 'PUBLIC', uploadedById: o.ownerId } })
    if (existing?.analysisVersion === ANALYSIS_VERSION) {
      result.kept++
      o.onProgress?.(i + 1, written.length, title)
      continue
    }
    // On this thread: a script has no other requests to keep answering.
    const { analysis } = await analyzeContent(file, contentHash, analyzeSongFile)
    const storageKey = `songs/${contentHash}.mp3`
    const { size } = await stat(file)
    if ((await o.storage.head(storageKey))?.size !== size) await o.storage.putFile(storageKey, file, { contentType: 'audio/mpeg' })
    const data = {
      title, artist: DEMO_SONG_ARTIST, visibility: 'PUBLIC' as const, uploadedById: o.ownerId,
      storageKey, contentHash, mimeType: 'audio/mpeg', sizeBytes: size,
      durationSeconds: analysis.durationSeconds, bpm: analysis.bpm, energyClass: analysis.energyClass,
      analysis, analysisVersion: analysis.version,
    }
    if (existing) {
      await db.song.update({ where: { id: existing.id }, data })
      result.updated++
    } else {
      await db.song.create({ data })
      result.created++
    }
    o.onProgress?.(i + 1, written.length, title)
  }
  return result
}
