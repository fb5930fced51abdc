import { ANALYSIS_VERSION, SongAnalysisSchema, type SongAnalysis } from '@/lib/engines/audio'
import { getDb } from '@/lib/shared/db'
import { getMetrics } from '@/lib/shared/http/metrics'
import { analyzeInWorker } from './analyze-in-worker'

/** The stored analysis of this content by the current algorithm, if there is one. */
export async function findCachedAnalysis(contentHash: string): Promise<SongAnalysis | null> {
  const hit = await getDb().audioAnalysis.findUnique({ where: { contentHash } })
  if (!hit || hit.version !== ANALYSIS_VERSION) return null
  const parsed = SongAnalysisSchema.safeParse(hit.analysis)
  return parsed.success ? parsed.data : null
}

/**
 * The analysis of an audio file, computed once per (content hash, algorithm version):
 * the same song uploaded twice, by anyone, is analysed once. This is the automatic result;
 * each song's corrections are applied on top of it (refresh-song-analysis). In the web app the
 * work runs in a worker thread (analyze-in-worker.ts); a script with no server to keep
 * responsive may pass the engine's own analyzeSongFile.
 */
export async function analyzeContent(
  file: string, contentHash: string, analyze: (file: string) => Promise<SongAnalysis> = analyzeInWorker,
): Promise<{ analysis: SongAnalysis; cached: boolean }> {
  const hit = await findCachedAnalysis(contentHash)
  if (hit) return { analysis: hit, cached: true }
  let analysis: SongAnalysis
  try {
    analysis = await analyze(file)
  } catch (e) {
    getMetrics().songAnalyses.inc({ outcome: 'failed' })
    throw e
  }
  getMetrics().songAnalyses.inc({ outcome: 'ok' })
  await getDb().audioAnalysis.upsert({
    where: { contentHash },
    create: { contentHash, version: ANALYSIS_VERSION, analysis },
    update: { version: ANALYSIS_VERSION, analysis },
  })
  return { analysis, cached: false }
}
