import { mkdtemp, rm } from 'node:fs/promises'
import { createWriteStream } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { ANALYSIS_VERSION, type SongAnalysis } from '@/lib/engines/audio'
import { AnalysisCorrectionsSchema, applyCorrections } from '@/lib/engines/audio/apply-corrections'
import type { AnalysisAdjustment } from '@/lib/engines/audio/adjust-analysis'
import { getDb } from '@/lib/shared/db'
import { logger } from '@/lib/shared/logger'
import type { Song } from '@/lib/generated/prisma/client'
import { getStorage } from '@/lib/shared/storage/get-storage'
import { analyzeContent, findCachedAnalysis } from './analyze-content'

/** The song's stored corrections; a list that no longer parses is dropped (and logged), never a failed read. */
export function songCorrections(song: Song): AnalysisAdjustment[] {
  const parsed = AnalysisCorrectionsSchema.safeParse(song.analysisCorrections ?? [])
  if (parsed.success) return parsed.data
  logger.warn({ songId: song.id, issues: parsed.error.issues.slice(0, 3) }, 'stored analysis corrections do not parse; ignored')
  return []
}

/** The automatic analysis of the song's audio by the current algorithm (cached by content hash,
 * else computed from the stored file). */
export async function loadBaseAnalysis(song: Song): Promise<SongAnalysis> {
  const cached = await findCachedAnalysis(song.contentHash)
  if (cached) return cached
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bachata-reanalyse-'))
  try {
    const file = path.join(dir, 'audio')
    const { stream } = await getStorage().get(song.storageKey)
    await pipeline(stream, createWriteStream(file))
    return (await analyzeContent(file, song.contentHash)).analysis
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Re-analyses under way in this process, by song id. */
const refreshing = new Map<string, Promise<Song>>()

/** Tries at writing a fresh analysis before the row as it then stands is returned. */
const REFRESH_ATTEMPTS = 3

const isStale = (song: Song) => song.analysisStatus === 'READY' && !(song.analysisVersion === ANALYSIS_VERSION && song.analysis)

/**
 * Songs analysed by an older algorithm version are re-analysed the next time they are read
 * (a song still being analysed, or whose analysis failed, is left as it is),
 * and the song's corrections are applied again, in order, on top of the new result: what an
 * instructor fixed stays fixed (a correction that no longer fits is skipped with a warning).
 */
export async function refreshSongAnalysis(song: Song): Promise<Song> {
  if (!isStale(song)) return song
  // Single flight per song in this process: after a version bump, every reader of a popular
  // song arrives at once, and each would otherwise run the same analysis in the pool.
  const running = refreshing.get(song.id)
  if (running) return running
  const refresh = writeFreshAnalysis(song).finally(() => refreshing.delete(song.id))
  refreshing.set(song.id, refresh)
  return refresh
}

/**
 * The write is guarded by the row's updatedAt, as a correction's is: another instance may
 * have refreshed the song and an instructor corrected it while this one was analysing, and
 * writing this result over theirs would drop that correction silently (still listed, no
 * longer applied, and the version no longer asks for a refresh). A row changed meanwhile is
 * read again: current now, it is the answer; still stale, it is analysed again.
 */
async function writeFreshAnalysis(song: Song): Promise<Song> {
  const db = getDb()
  let current = song
  for (let attempt = 0; attempt < REFRESH_ATTEMPTS && isStale(current); attempt++) {
    const analysis = applyCorrections(await loadBaseAnalysis(current), songCorrections(current))
    const saved = await db.song.updateMany({
      where: { id: current.id, updatedAt: current.updatedAt },
      data: { analysis, analysisVersion: analysis.version, bpm: analysis.bpm, energyClass: analysis.energyClass, durationSeconds: analysis.durationSeconds },
    })
    current = await db.song.findUniqueOrThrow({ where: { id: current.id } })
    if (saved.count === 1) break
  }
  return current
}
