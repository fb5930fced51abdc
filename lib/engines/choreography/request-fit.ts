import { z } from 'zod'

const part = z.number().finite().min(-10).max(10)

/**
 * What the move search said about each candidate for this request (the service runs the
 * search once per choreography and hands the result in as data; the engine stays pure).
 * `score` is the weighted sum of the parts; the parts are kept for the explanation.
 */
export const RetrievalInputSchema = z.object({
  query: z.string().max(2000),
  scores: z.record(z.string().max(80), z.object({ score: part, semantic: part, attributes: part, lexical: part })),
})
export type RetrievalInput = z.infer<typeof RetrievalInputSchema>
export type RetrievalScore = RetrievalInput['scores'][string]

/**
 * Request fit per 8-count slot for the best-retrieved move. Comparable to a style match
 * (0.5) plus a mood match (0.5): retrieval decides among moves the structured params
 * already allow, it does not overrule the music (energy misfit costs up to 1.6 per slot).
 */
export const REQUEST_FIT_WEIGHT = 1.2

/**
 * Retrieval score → request fit in 0–1: 0 at or below the median candidate, 1 for the best,
 * linear between. Relative, because search scores are rescaled per query; the median as
 * floor so the bulk of the library neither gains nor loses and only what the request
 * singles out is pulled forward.
 */
export function requestFitOf(scores: Record<string, RetrievalScore>, ids: readonly string[]): Map<string, number> {
  const values = ids.map((id) => scores[id]?.score ?? 0).sort((a, b) => a - b)
  const fit = new Map<string, number>()
  if (values.length === 0) return fit
  const median = values[Math.floor((values.length - 1) / 2)]
  const top = values[values.length - 1]
  for (const id of ids) {
    const s = scores[id]?.score ?? 0
    fit.set(id, top > median ? Math.max(0, (s - median) / (top - median)) : 0)
  }
  return fit
}
