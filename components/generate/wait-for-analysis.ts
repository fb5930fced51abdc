import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { ApiError, fetchJson } from '@/components/ui/fetch-json'

export interface AnalysisPoll {
  songId: string
  analysisStatus: 'analysing' | 'ready' | 'failed'
  analysisError: { code: string; message: string } | null
  analysis?: SongAnalysis
}

const POLL_MS = 1500

/**
 * An upload answers before its beat analysis: ask GET /api/songs/:id/analysis until it is
 * ready or failed. A dropped connection or a busy server (0, 503) is asked again, not fatal.
 */
export async function waitForAnalysis(songId: string, signal?: AbortSignal): Promise<AnalysisPoll> {
  for (;;) {
    try {
      const poll = await fetchJson<AnalysisPoll>(`/api/songs/${encodeURIComponent(songId)}/analysis`, { signal })
      if (poll.analysisStatus !== 'analysing') return poll
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 0 && e.status !== 503)) throw e
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    signal?.throwIfAborted()
  }
}
