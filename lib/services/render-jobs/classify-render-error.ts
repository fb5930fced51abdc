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
  if (err instanceof ZodError) {
    return { retryable: false, reason: 'The choreography blueprint is invalid and cannot be rendered' }
  }
  // A render_input_* error (400/422) fails the same way every time; 5xx and 429 may pass later.
  if (err instanceof AppError) return { retryable: err.status >= 500 || err.status === 429, reason: err.message }
  return { retryable: true, reason: 'The render failed unexpectedly' }
}

export function isAbortError(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'AbortError'
}
