import type { Logger } from '@/lib/shared/logger'
import { pruneRenderCache, type PruneReport, type PruneRenderCacheOptions } from '@/lib/engines/media/prune-render-cache'

export interface CachePruneSchedule {
  /** Prunes now unless a prune ran less than minIntervalMs ago or is running; never throws.
   * Resolves to what it removed, or null when it skipped (or failed, which it logs). */
  maybePrune(): Promise<PruneReport | null>
}

/**
 * The worker prunes its render cache (segments, audio, sources) after each job, at most once
 * per minIntervalMs: a walk of the cache dir costs little, but there is no need to do it
 * after every one of a burst of short renders.
 */
export function scheduleCachePrune(o: Omit<PruneRenderCacheOptions, 'now'> & {
  minIntervalMs: number
  log: Logger
  now?: () => number
}): CachePruneSchedule {
  const now = o.now ?? Date.now
  let last = -Infinity
  let running = false
  return {
    async maybePrune() {
      if (running || now() - last < o.minIntervalMs) return null
      running = true
      last = now()
      try {
        const report = await pruneRenderCache({ cacheDir: o.cacheDir, maxBytes: o.maxBytes, maxAgeMs: o.maxAgeMs, keepRecentMs: o.keepRecentMs })
        if (report.removed > 0) o.log.info(report, 'render cache pruned')
        return report
      } catch (err) {
        o.log.warn({ err }, 'render cache prune failed')
        return null
      } finally {
        running = false
      }
    },
  }
}
