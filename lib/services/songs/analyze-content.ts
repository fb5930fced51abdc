import { analyzeSongFile, ANALYSIS_VERSION, SongAnalysisSchema, type SongAnalysis } from '@/lib/engines/audio'
import { getDb } from '@/lib/shared/db'

/**
 * The analysis of an audio file, computed once per (content hash, algorithm version):
 * the same song uploaded twice, by anyone, is analysed once.
 */
export async function analyzeContent(file: string, contentHash: string): Promise<{ analysis: SongAnalysis; cached: boolean }> {
  const db = getDb()
  const hit = await db.audioAnalysis.findUnique({ where: { contentHash } })
  if (hit && hit.version === ANALYSIS_VERSION) {
    const parsed = SongAnalysisSchema.safeParse(hit.analysis)
    if (parsed.success) return { analysis: parsed.data, cached: true }
  }
  const analysis = await analyzeSongFile(file)
  await db.audioAnalysis.upsert({
    where: { contentHash },
    create: { contentHash, version: ANALYSIS_VERSION, analysis },
    update: { version: ANALYSIS_VERSION, analysis },
  })
  return { analysis, cached: false }
}
