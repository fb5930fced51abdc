import { AppError } from '@/lib/shared/errors'

/**
 * Errors a render can end with, classified for the job queue. A bad blueprint, an unsafe key,
 * a missing or unreadable clip or song fail the same way on every attempt: they are AppErrors
 * with a render_input_* code, never retried. An abort is the caller's own doing; anything
 * else (ffmpeg crash, timeout, storage hiccup) is worth another attempt.
 */
export const RenderInputError = {
  invalid: (message: string, fields?: Record<string, string[]>) => new AppError('render_input_invalid', message, 422, fields),
  unsafeKey: (message: string) => new AppError('render_input_unsafe_key', message, 400),
}

export function isRenderInputError(e: unknown): e is AppError {
  return e instanceof AppError && (e.code === 'render_input_invalid' || e.code === 'render_input_unsafe_key')
}

/** Thrown when the caller's AbortSignal fires; name 'AbortError' like fetch and timers. */
export class RenderAbortError extends Error {
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
  if (isRenderInputError(e) || e instanceof RenderAbortError) return false
  if (e instanceof AppError) return e.status >= 500
  return true
}
