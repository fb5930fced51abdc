import { mkdtemp, rm } from 'node:fs/promises'
import { createWriteStream } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { ANALYSIS_VERSION } from '@/lib/engines/audio'
import { getDb } from '@/lib/shared/db'
import type { Song } from '@/lib/generated/prisma/client'
import { getStorage } from '@/lib/shared/storage/get-storage'
import { analyzeContent } from './analyze-content'

/**
 * Songs analysed by an older algorithm version are re-analysed the next time they are read
 * (from the stored file). An instructor's manual adjustments are replaced by the new result:
 * the new algorithm may have fixed what they corrected.
 */
export async function refreshSongAnalysis(song: Song): Promise<Song> {
  if (song.analysisVersion === ANALYSIS_VERSION && song.analysis) return song
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bachata-reanalyse-'))
  try {
    const file = path.join(dir, 'audio')
    const { stream } = await getStorage().get(song.storageKey)
    await pipeline(stream, createWriteStream(file))
    const { analysis } = await analyzeContent(file, song.contentHash)
    return await getDb().song.update({
      where: { id: song.id },
      data: { analysis, analysisVersion: analysis.version, bpm: analysis.bpm, energyClass: analysis.energyClass, durationSeconds: analysis.durationSeconds },
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
