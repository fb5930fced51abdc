import { AppError, type ErrorCode } from '@/lib/shared/errors'

/**
 * Errors a render can end with, classified for the job queue: a bad blueprint, an unsafe
 * key, a missing or unreadable clip or song will fail the same way on every attempt, so they
 * carry `retryable = false`; an abort is the caller's own doing; anything else (ffmpeg crash,
 * timeout, storage hiccup) is worth another attempt.
 */
export class RenderInputError extends AppError {
  readonly retryable = false

  constructor(code: ErrorCode, message: string, status: number, fields?: Record<string, string[]>) {
    super(code, message, status, fields)
    this.name = 'RenderInputError'
  }

  static invalid(message: string, fields?: Record<string, string[]>) {
    return new RenderInputError('validation_failed', message, 422, fields)
  }

  static unsafeKey(message: string) {
    return new RenderInputError('bad_request', message, 400)
  }
}

/** Thrown when the caller's AbortSignal fires; name 'AbortError' like fetch and timers. */
export class RenderAbortError extends Error {
  readonly retryable = false

  constructor(reason?: unknown) {
    super('Render aborted', { cause: reason })
    this.name = 'AbortError'
  }
}

/** Throws RenderAbortError if the signal has fired: call between steps. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RenderAbortError(signal.reason)
}

/** What the queue should do with an error from renderBlueprint. */
export function isRetryableRenderError(e: unknown): boolean {
  if (e instanceof RenderInputError || e instanceof RenderAbortError) return false
  if (e instanceof AppError) return e.status >= 500
  return true
}
