import { ZodError } from 'zod'
import { AppError } from '@/lib/shared/errors'

/**
 * Whether another attempt could succeed, and what to tell the user. A missing clip or an
 * invalid blueprint fails the same way every time, so it fails at once (no retry storm);
 * storage or database hiccups, ffmpeg crashes and timeouts are retried with backoff.
 */
export interface RenderFailure {
  retryable: boolean
  /** Shown on the task: no stack traces, no internal paths. */
  reason: string
}

export function classifyRenderError(err: unknown): RenderFailure {
  const flagged = (err as { retryable?: unknown } | null)?.retryable
  if (err instanceof ZodError) {
    return { retryable: false, reason: 'The choreography blueprint is invalid and cannot be rendered' }
  }
  if (err instanceof AppError) {
    const retryable = typeof flagged === 'boolean' ? flagged : err.status >= 500 || err.status === 429
    return { retryable, reason: err.message }
  }
  if (flagged === false) return { retryable: false, reason: (err as Error).message ?? 'The render failed' }
  return { retryable: true, reason: 'The render failed unexpectedly' }
}

export function isAbortError(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'AbortError'
}
